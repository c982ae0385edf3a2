using System.Text.Json.Serialization;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Summaries;

/// <summary>The result document written beside an article (<c>x.txt.summary.json</c>) and returned over HTTP.
/// Its JSON Schema is <c>summary.schema.json</c> in this folder.</summary>
public sealed record SummaryDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Status { get; init; }

    public required string Language { get; init; }

    public LocalizedText Title { get; init; } = new(null, null);

    public LocalizedText Summary { get; init; } = new(null, null);

    public LocalizedList KeyPoints { get; init; } = LocalizedList.Empty;

    public required SourceInfo Source { get; init; }

    public required ModelUsage Model { get; init; }

    public long DurationMs { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ErrorInfo? Error { get; init; }

    public IReadOnlyList<string> Unavailable { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UnavailableReason { get; init; }

    /// <summary>The length the summary was made for (<c>brief</c>, <c>3</c>); absent for the default. A result made
    /// for another length than the one asked for now is not current.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Length { get; init; }

    /// <summary>Only with status <c>waiting</c>: when the scheduled attempt is due.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? RetryAt { get; init; }

    [JsonIgnore]
    public bool IsOk => Status == SummaryStatus.Ok;
}

/// <summary>Values of <see cref="SummaryDocument.Status"/>.</summary>
public static class SummaryStatus
{
    /// <summary>Summarised.</summary>
    public const string Ok = "ok";

    /// <summary>The input will never succeed (empty, binary, too large, unsupported); final.</summary>
    public const string Rejected = "rejected";

    /// <summary>Retries were exhausted; a new upload or a backfill tries again.</summary>
    public const string Failed = "failed";

    /// <summary>Not a result yet: the model was unavailable, and another attempt is scheduled at <c>retryAt</c>.
    /// Never current, never final; the attempt replaces it.</summary>
    public const string Waiting = "waiting";
}

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

/// <summary>Why a document is not <c>ok</c>.</summary>
public sealed record ErrorInfo(string Code, string Message);
