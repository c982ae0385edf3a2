using Microsoft.Extensions.Logging;
using NewsSummarizer.Articles;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using static NewsSummarizer.Processing.ProcessingLog;

namespace NewsSummarizer.Processing;

/// <summary>Reads what a run decides on: the article's version alone, or the article read (format, text, hash) with
/// its stored result, each pair fetched in parallel.</summary>
internal sealed class ArticleLoader(IArticleStore store, ArticleReader reader, ILogger logger)
{
    /// <summary>The article's properties (<see cref="VersionAsync"/>) and the stored result, read in parallel.</summary>
    public async Task<(ArticleBlob? Blob, StoredResult? Existing)> VersionAndResultAsync(string name, CancellationToken cancellationToken)
    {
        var blobTask = VersionAsync(name, cancellationToken);
        var existingTask = store.GetResultAsync(name, cancellationToken);
        await Task.WhenAll(blobTask, existingTask).ConfigureAwait(false);
        return (await blobTask.ConfigureAwait(false), await existingTask.ConfigureAwait(false));
    }

    /// <summary>The article's properties (its version, size and metadata), never its content; <c>null</c> (logged)
    /// when it is gone.</summary>
    public async Task<ArticleBlob?> VersionAsync(string name, CancellationToken cancellationToken)
    {
        var blob = await store.GetArticleAsync(name, maxBytes: 0, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            LogArticleGone(logger, name);
        }

        return blob;
    }

    /// <summary>The stored result beside the article, or <c>null</c> when it has none.</summary>
    public Task<StoredResult?> ResultAsync(string name, CancellationToken cancellationToken) => store.GetResultAsync(name, cancellationToken);

    /// <summary>The article downloaded and read, with its stored result; <c>null</c> when the article is gone.</summary>
    /// <param name="resultRead">Whether <paramref name="known"/> was just read (the first round), so it is not read again.</param>
    /// <param name="known">The stored result then read; <c>null</c> when there was none.</param>
    public async Task<LoadedArticle?> LoadAsync(string name, bool resultRead, StoredResult? known, CancellationToken cancellationToken)
    {
        // The stored result is fetched while the article downloads: two storage round trips in parallel, not in a row.
        var maxBytes = reader.MaxBytesFor(name, null);
        var blobTask = store.GetArticleAsync(name, maxBytes, cancellationToken);
        var existingTask = resultRead ? Task.FromResult(known) : store.GetResultAsync(name, cancellationToken);
        await Task.WhenAll(blobTask, existingTask).ConfigureAwait(false);
        var blob = await blobTask.ConfigureAwait(false);
        if (blob is null)
        {
            LogArticleGone(logger, name);
            return null;
        }

        var existing = await existingTask.ConfigureAwait(false);
        if (existing is { Document: null, Problem: var problem })
        {
            LogUntrustedResult(logger, name, problem ?? "unreadable");
        }

        var read = blob.Content is { } content
            ? await reader.ReadAsync(content, blob.Name, blob.ContentType, cancellationToken: cancellationToken).ConfigureAwait(false)
            : ArticleReader.TooLarge(blob.Bytes, maxBytes);
        var source = new SourceInfo(blob.Container, blob.Name, blob.ETag, read.Sha256, blob.ContentType, blob.Bytes, read.Encoding);
        if (!SummaryLength.TryParse(blob.RequestedLength, out var length, out var lengthError))
        {
            // A bad value never costs the article its summary: it gets the default length, and the log says why.
            LogBadLength(logger, name, lengthError!);
        }

        return new LoadedArticle(read, source, existing, length);
    }
}

/// <summary>An article as one round decides on it: read, its version, its stored result and the length asked for.</summary>
internal sealed record LoadedArticle(ArticleReadResult Read, SourceInfo Source, StoredResult? Existing, SummaryLength Length);
