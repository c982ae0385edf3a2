using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Testing;

/// <summary>An article store passing everything through to <paramref name="inner"/> and telling
/// <paramref name="written"/> the article's name after each result write that succeeded (the integration tests count
/// writes with it, the throughput harness times them).</summary>
public class ObservingArticleStore(IArticleStore inner, Action<string> written) : IArticleStore
{
    public string Container => inner.Container;

    /// <summary>Registers the real blob store, observed by <paramref name="written"/>, in place of the default one.</summary>
    public static void Register(IServiceCollection services, Action<string> written) =>
        services.AddSingleton<IArticleStore>(sp => new ObservingArticleStore(Blob(sp), written));

    /// <summary>The real blob store as the hosts build it.</summary>
    protected static BlobArticleStore Blob(IServiceProvider services) =>
        new(services.GetRequiredService<BlobServiceClient>(), services.GetRequiredService<IOptions<StorageOptions>>());

    public Task<ArticleBlob?> GetArticleAsync(string name, long maxBytes, CancellationToken cancellationToken) =>
        inner.GetArticleAsync(name, maxBytes, cancellationToken);

    public Task<bool> ArticleExistsAsync(string name, CancellationToken cancellationToken) => inner.ArticleExistsAsync(name, cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListAsync(string? prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<StoredResult?> GetResultAsync(string articleName, CancellationToken cancellationToken) =>
        inner.GetResultAsync(articleName, cancellationToken);

    public async Task<bool> TryWriteResultAsync(string articleName, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        var succeeded = await inner.TryWriteResultAsync(articleName, document, ifMatch, cancellationToken).ConfigureAwait(false);
        // A waiting marker (the model was unavailable, an attempt is scheduled) is not a result.
        if (succeeded && document.Status != SummaryStatus.Waiting)
        {
            written(articleName);
        }

        return succeeded;
    }
}
