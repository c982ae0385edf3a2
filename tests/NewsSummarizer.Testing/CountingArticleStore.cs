using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Storage;

namespace NewsSummarizer.Testing;

/// <summary>The real blob store, counting the result writes that succeeded per article.</summary>
public sealed class CountingArticleStore : ObservingArticleStore
{
    public CountingArticleStore(IArticleStore inner)
        : this(inner, new ConcurrentDictionary<string, int>(StringComparer.Ordinal))
    {
    }

    private CountingArticleStore(IArticleStore inner, ConcurrentDictionary<string, int> writes)
        : base(inner, articleName => writes.AddOrUpdate(articleName, 1, (_, count) => count + 1)) => Writes = writes;

    public ConcurrentDictionary<string, int> Writes { get; }

    /// <summary>Registers the counting store in place of the default one (call before AddNewsSummarizer); resolve
    /// <see cref="IArticleStore"/> from the host to read the counts.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IArticleStore>(sp => new CountingArticleStore(Blob(sp)));
}
