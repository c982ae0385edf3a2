using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSummarizer.Processing.Retries;

/// <summary>A scheduled attempt on <see cref="ArticleRetryQueue.Name"/>: the deferral state of one article version.</summary>
/// <remarks>It names the version (ETag) it was scheduled for, so a newer upload supersedes it, and the time it is due
/// (<see cref="RetryAt"/>), which the <c>waiting</c> result beside the article repeats: a message whose time no longer
/// matches that result is a duplicate or an older schedule and does nothing. Never carries the article's text.</remarks>
public sealed record RetryMessage(
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("etag")] string ETag,
    [property: JsonPropertyName("deferrals")] int Deferrals,
    [property: JsonPropertyName("firstDeferredAt")] DateTimeOffset FirstDeferredAt,
    [property: JsonPropertyName("retryAt")] DateTimeOffset RetryAt,
    [property: JsonPropertyName("history")] IReadOnlyList<string> History)
{
    /// <summary>Each history line is cut to this length so a message stays far below the queue's 64 KiB.</summary>
    public const int MaxHistoryLine = 300;

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>A history line as the planner writes it: at most <see cref="MaxHistoryLine"/> characters and an ellipsis.</summary>
    internal static string Cut(string? line) =>
        line is null ? string.Empty : line.Length <= MaxHistoryLine ? line : line[..MaxHistoryLine] + "…";

    public static RetryMessage? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            // Anyone holding the queue role can write here: every field is checked, and the history (which ends up in
            // a stored result's error message) is cut to what the service itself would have written.
            var message = JsonSerializer.Deserialize<RetryMessage>(json);
            return message is { Container.Length: > 0, Name.Length: > 0, ETag.Length: > 0, Deferrals: > 0 and <= ArticleRetryOptions.DeferralsLimit }
                && message.FirstDeferredAt <= message.RetryAt
                ? message with { History = [.. (message.History ?? []).TakeLast(ArticleRetryOptions.DeferralsLimit).Select(Cut)] }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
