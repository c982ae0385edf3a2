using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsSummarizer.Storage;
using NewsSummarizer.Testing;

namespace NewsSummarizer.IntegrationTests.Infrastructure;

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
        services.AddSingleton<IArticleStore>(sp => new CountingArticleStore(new BlobArticleStore(
            sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>())));
}
