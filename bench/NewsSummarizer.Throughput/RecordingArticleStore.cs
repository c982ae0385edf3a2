using System.Collections.Concurrent;
using System.Diagnostics;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Throughput;

/// <summary>The real blob store, noting when each article's result was written (Stopwatch timestamps, the same
/// clock the uploads are timed with).</summary>
internal sealed class RecordingArticleStore(IArticleStore inner) : IArticleStore
{
    public ConcurrentDictionary<string, long> Written { get; } = new(StringComparer.Ordinal);

    public string Container => inner.Container;

    public Task<ArticleBlob?> GetArticleAsync(string name, long maxBytes, CancellationToken cancellationToken) =>
        inner.GetArticleAsync(name, maxBytes, cancellationToken);

    public Task<bool> ArticleExistsAsync(string name, CancellationToken cancellationToken) => inner.ArticleExistsAsync(name, cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListAsync(string? prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<StoredResult?> GetResultAsync(string articleName, CancellationToken cancellationToken) =>
        inner.GetResultAsync(articleName, cancellationToken);

    public async Task<bool> TryWriteResultAsync(string articleName, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        var written = await inner.TryWriteResultAsync(articleName, document, ifMatch, cancellationToken).ConfigureAwait(false);
        if (written)
        {
            Written.TryAdd(articleName, Stopwatch.GetTimestamp());
        }

        return written;
    }
}
