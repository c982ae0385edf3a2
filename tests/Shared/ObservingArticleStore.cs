using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Testing;

/// <summary>An article store passing everything through to <paramref name="inner"/> and telling
/// <paramref name="written"/> the article's name after each result write that succeeded. Linked into the integration
/// tests, the browser tests and the throughput harness.</summary>
public class ObservingArticleStore(IArticleStore inner, Action<string> written) : IArticleStore
{
    public string Container => inner.Container;

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
