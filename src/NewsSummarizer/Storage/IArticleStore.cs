using NewsSummarizer.Summaries;

namespace NewsSummarizer.Storage;

/// <summary>Reads articles and writes their results beside them. Never modifies, moves or deletes an article.</summary>
public interface IArticleStore
{
    string Container { get; }

    /// <summary>The article with its metadata, or <c>null</c> when it does not exist (any more). Content is downloaded only when the
    /// blob is at most <paramref name="maxBytes"/> long, and only the version the properties describe; with
    /// <paramref name="maxBytes"/> 0 only the properties are read (the poison path needs the version, never the text).</summary>
    Task<ArticleBlob?> GetArticleAsync(string name, long maxBytes, CancellationToken cancellationToken);

    Task<bool> ArticleExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every blob below <paramref name="prefix"/> (articles and results alike), in name order.</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(string? prefix, CancellationToken cancellationToken);

    /// <summary>The result beside the article, or <c>null</c> when there is none. A result over
    /// <see cref="SummaryJson.MaxResultBytes"/> is not downloaded, and none is trusted unless valid against the schema.</summary>
    Task<StoredResult?> GetResultAsync(string articleName, CancellationToken cancellationToken);

    /// <summary>Writes the result beside the article: over the version <paramref name="ifMatch"/> when given, else
    /// only if no result exists. Returns <c>false</c> when another writer got there first (409/412); any other
    /// failure throws.</summary>
    Task<bool> TryWriteResultAsync(string articleName, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken);
}
