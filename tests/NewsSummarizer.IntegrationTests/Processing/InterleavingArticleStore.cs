namespace NewsSummarizer.IntegrationTests.Processing;

/// <summary>The real store with hooks around result writes, to put two runs' writes in a chosen order.</summary>
internal sealed class InterleavingArticleStore(IArticleStore inner) : IArticleStore
{
    public Func<SummaryDocument, Task>? BeforeWrite { get; set; }

    public Action<SummaryDocument, bool>? AfterWrite { get; set; }

    public string Container => inner.Container;

    public Task<ArticleBlob?> GetArticleAsync(string name, long maxBytes, CancellationToken cancellationToken) =>
        inner.GetArticleAsync(name, maxBytes, cancellationToken);

    public Task<bool> ArticleExistsAsync(string name, CancellationToken cancellationToken) => inner.ArticleExistsAsync(name, cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListAsync(string? prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<StoredResult?> GetResultAsync(string articleName, CancellationToken cancellationToken) => inner.GetResultAsync(articleName, cancellationToken);

    public async Task<bool> TryWriteResultAsync(string articleName, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        if (BeforeWrite is { } before)
        {
            await before(document).ConfigureAwait(false);
        }

        var written = await inner.TryWriteResultAsync(articleName, document, ifMatch, cancellationToken).ConfigureAwait(false);
        AfterWrite?.Invoke(document, written);
        return written;
    }
}
