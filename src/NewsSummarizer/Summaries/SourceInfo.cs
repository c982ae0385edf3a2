using System.Text.Json.Serialization;

namespace NewsSummarizer.Summaries;

/// <summary>What was summarised. For HTTP requests <see cref="Container"/> is <c>null</c>. <see cref="Format"/> is
/// what the article was read as (<c>text</c>, <c>markdown</c>, <c>html</c>, <c>json</c>, <c>docx</c>, <c>pdf</c>).</summary>
public sealed record SourceInfo(
    string? Container,
    string? Name,
    [property: JsonPropertyName("etag")] string? ETag,
    string? Sha256,
    string? ContentType,
    long Bytes,
    string? Encoding,
    string? Format = null);
