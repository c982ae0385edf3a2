namespace NewsSummarizer.Storage;

/// <summary>A blob in the articles container as a listing shows it, with its metadata when the store lists it.</summary>
public sealed record StoredBlob(
    string Name, string ETag, long Bytes, DateTimeOffset? LastModified, IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>The <c>summary_length</c> metadata value, or null.</summary>
    public string? RequestedLength => ArticleBlob.LengthIn(Metadata);
}
