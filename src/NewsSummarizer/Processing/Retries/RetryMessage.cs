using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSummarizer.Processing.Retries;

/// <summary>A scheduled attempt on <see cref="ArticleRetryQueue.Name"/>: the deferral state of one article version.
/// It names the version (ETag) it was scheduled for, so a newer upload supersedes it, and the time it is due
/// (<see cref="RetryAt"/>), which the <c>waiting</c> result beside the article repeats: a message whose time no longer
/// matches that result is a duplicate or an older schedule and does nothing. Never carries the article's text.</summary>
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

    public static RetryMessage? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<RetryMessage>(json);
            return message is { Container.Length: > 0, Name.Length: > 0, ETag.Length: > 0, Deferrals: > 0 } ? message with { History = message.History ?? [] } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
