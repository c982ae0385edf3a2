using System.Text.Json.Serialization;
using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Summaries;

/// <summary>The result document written beside an article (<c>x.txt.summary.json</c>) and returned over HTTP.
/// Its JSON Schema is <c>summary.schema.json</c> in this folder.</summary>
public sealed record SummaryDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required SummaryStatus Status { get; init; }

    public required ArticleLanguage Language { get; init; }

    public LocalizedText Title { get; init; } = new(null, null);

    public LocalizedText Summary { get; init; } = new(null, null);

    public LocalizedList KeyPoints { get; init; } = LocalizedList.Empty;

    public required SourceInfo Source { get; init; }

    public required ModelUsage Model { get; init; }

    public long DurationMs { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ErrorInfo? Error { get; init; }

    public IReadOnlyList<ArticleLanguage> Unavailable { get; init; } = [];

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
