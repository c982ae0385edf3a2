using NewsSummarizer.Summarization;

namespace NewsSummarizer.Summaries;

/// <summary>Why an article has no summary, from the reader or the model path to the stored result and the API.</summary>
/// <remarks>The <see cref="Disposition"/> is the one decision the stored status (<see cref="Status"/>), the HTTP status
/// (<c>ApiResult.ForFailure</c>) and the retry decision read. docs/errors.md lists every code with its disposition.</remarks>
public sealed record Failure(string Code, Disposition Disposition, string Message)
{
    /// <summary>The stored result's status for this failure.</summary>
    public SummaryStatus Status => Disposition switch
    {
        Disposition.Rejected => SummaryStatus.Rejected,
        Disposition.Failed => SummaryStatus.Failed,
        _ => SummaryStatus.Waiting,
    };

    /// <summary>A failure whose input will never pass.</summary>
    public static Failure Rejected(string code, string message) => new(code, Disposition.Rejected, message);

    /// <summary>A failure of the model, the service or its configuration.</summary>
    public static Failure Failed(string code, string message) => new(code, Disposition.Failed, message);

    /// <summary>The failure a stored result records, or <c>null</c> for a result that is <c>ok</c>.</summary>
    public static Failure? Of(SummaryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Status switch
        {
            SummaryStatus.Ok => null,
            SummaryStatus.Rejected => Rejected(document.Error?.Code ?? FailureCodes.Unknown, document.Error?.Message ?? string.Empty),
            SummaryStatus.Failed => Failed(document.Error?.Code ?? FailureCodes.Unknown, document.Error?.Message ?? "The summary could not be produced."),
            _ => new Failure(document.Error?.Code ?? FailureCodes.Unknown, Disposition.Transient, document.Error?.Message ?? string.Empty),
        };
    }

    /// <summary>The <c>error</c> object written in the result.</summary>
    public ErrorInfo ToError() => new(Code, Message);
}

/// <summary>What the service does about a failure.</summary>
public enum Disposition
{
    /// <summary>The input will never pass: status <c>rejected</c>, HTTP 422 (400 for a malformed request), never retried.</summary>
    Rejected,

    /// <summary>The model, the service or its configuration failed: status <c>failed</c>, HTTP 502; a backfill or the next
    /// upload tries again once the cause the message names is fixed.</summary>
    Failed,

    /// <summary>A dependency is unavailable for now: status <c>waiting</c> with a scheduled attempt, HTTP 503 or 429 with
    /// <c>Retry-After</c>.</summary>
    Transient,
}

/// <summary>The service's own <c>error.code</c> values, and the one table of every code's disposition (the reader's
/// codes are <see cref="Articles.ArticleErrorCodes"/>, the model path's <see cref="ModelErrorCodes"/>).</summary>
public static class FailureCodes
{
    /// <summary>The scheduled attempts or the trigger's retries are spent (<see cref="Disposition.Failed"/>).</summary>
    public const string RetriesExhausted = "retries-exhausted";

    /// <summary>The CLI could not summarise one file (<see cref="Disposition.Failed"/>).</summary>
    public const string SummarizationFailed = "summarization-failed";

    /// <summary>The CLI could not read a file from disk (<see cref="Disposition.Rejected"/>).</summary>
    public const string UnreadableFile = "unreadable";

    /// <summary>A failure without a code of its own.</summary>
    public const string Unknown = "unknown";

    /// <summary>What the service does about <paramref name="code"/>: transient for an unavailable or throttled model;
    /// failed for a model, configuration or service failure; rejected for the content filter and the reader's codes.</summary>
    public static Disposition DispositionOf(string code) => code switch
    {
        ModelErrorCodes.Unavailable or ModelErrorCodes.Throttled => Disposition.Transient,
        ModelErrorCodes.InvalidReply or ModelErrorCodes.RejectedRequest or ModelErrorCodes.NotFound or ModelErrorCodes.AuthFailed or
            ModelErrorCodes.OutputTruncated or ModelErrorCodes.ContextTooLong or RetriesExhausted or SummarizationFailed or Unknown
            => Disposition.Failed,
        _ => Disposition.Rejected,
    };
}
