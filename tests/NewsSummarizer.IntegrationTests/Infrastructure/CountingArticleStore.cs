using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.IntegrationTests.Infrastructure;

/// <summary>The real blob store, counting the result writes that succeeded per article.</summary>
public sealed class CountingArticleStore(IArticleStore inner) : IArticleStore
{
    public ConcurrentDictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);

    public string Container => inner.Container;

    /// <summary>Registers the counting store in place of the default one (call before AddNewsSummarizer); resolve
    /// <see cref="IArticleStore"/> from the host to read the counts.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IArticleStore>(sp => new CountingArticleStore(new BlobArticleStore(
            sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>())));

    public Task<ArticleBlob?> GetArticleAsync(string name, long maxBytes, CancellationToken cancellationToken) =>
        inner.GetArticleAsync(name, maxBytes, cancellationToken);

    public Task<bool> ArticleExistsAsync(string name, CancellationToken cancellationToken) => inner.ArticleExistsAsync(name, cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListAsync(string? prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<StoredResult?> GetResultAsync(string articleName, CancellationToken cancellationToken) =>
        inner.GetResultAsync(articleName, cancellationToken);

    public async Task<bool> TryWriteResultAsync(string articleName, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        var written = await inner.TryWriteResultAsync(articleName, document, ifMatch, cancellationToken);
        if (written)
        {
            Writes.AddOrUpdate(articleName, 1, (_, count) => count + 1);
        }

        return written;
    }
}
