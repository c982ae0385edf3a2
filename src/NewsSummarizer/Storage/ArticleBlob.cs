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
