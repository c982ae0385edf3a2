using NewsSummarizer.Summaries;

namespace NewsSummarizer.Storage;

/// <summary>An article blob's properties, its metadata (null: none read) and, when it is within the size limit, its
/// content. The metadata <c>summary_length</c> (<see cref="SummaryLengthMetadata"/>) asks for a summary length.</summary>
public sealed record ArticleBlob(
    string Container, string Name, string ETag, string? ContentType, long Bytes, ReadOnlyMemory<byte>? Content,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>The blob metadata that asks for a summary length: a named size or a sentence count, as
    /// <see cref="Summarization.SummaryLength.TryParse"/> reads it.</summary>
    public const string SummaryLengthMetadata = "summary_length";

    /// <summary>The <c>summary_length</c> metadata value (its name compared case-insensitively), or null.</summary>
    public string? RequestedLength => LengthIn(Metadata);

    /// <summary>The <c>summary_length</c> value in <paramref name="metadata"/>, or null.</summary>
    public static string? LengthIn(IReadOnlyDictionary<string, string>? metadata) =>
        metadata?.FirstOrDefault(m => string.Equals(m.Key, SummaryLengthMetadata, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>A stored result: the document and the blob's ETag for a conditional overwrite. <see cref="Document"/> is
/// <c>null</c> when the blob is not a result the service can trust (too large, not JSON, not valid against the
/// schema); <see cref="Problem"/> then says why. Such a result counts as missing and is replaced.</summary>
public sealed record StoredResult(SummaryDocument? Document, string ETag, string? Problem = null);

/// <summary>A blob in the articles container as a listing shows it, with its metadata when the store lists it.</summary>
public sealed record StoredBlob(
    string Name, string ETag, long Bytes, DateTimeOffset? LastModified, IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>The <c>summary_length</c> metadata value, or null.</summary>
    public string? RequestedLength => ArticleBlob.LengthIn(Metadata);
}

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
