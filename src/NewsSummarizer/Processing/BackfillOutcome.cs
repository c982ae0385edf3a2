using NewsSummarizer.Summaries;

namespace NewsSummarizer.Processing;

/// <summary>What a backfill did with one article: the status of the result it wrote or found, what processing did
/// when there was no result (<see cref="ProcessingResult"/>), or the exception that stopped it. Shown as
/// <c>ok</c>, <c>Superseded</c>, <c>error: TimeoutException</c>.</summary>
public readonly record struct BackfillOutcome
{
    private BackfillOutcome(SummaryStatus? status, ProcessingResult? result, string? error)
    {
        Status = status;
        Result = result;
        Error = error;
    }

    public SummaryStatus? Status { get; }

    public ProcessingResult? Result { get; }

    /// <summary>The type of the exception that stopped processing, if one did.</summary>
    public string? Error { get; }

    /// <summary>Whether the article still needs attention: processing threw, or the result is <c>failed</c>.</summary>
    public bool IsFailure => Error is not null || Status == SummaryStatus.Failed;

    public static BackfillOutcome Of(ProcessingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Document is { } document ? new(document.Status, null, null) : new(null, outcome.Result, null);
    }

    public static BackfillOutcome Threw(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(null, null, exception.GetType().Name);
    }

    /// <summary>The outcome of an article whose result has this status.</summary>
    public static implicit operator BackfillOutcome(SummaryStatus status) => FromSummaryStatus(status);

    public static BackfillOutcome FromSummaryStatus(SummaryStatus status) => new(status, null, null);

    public override string ToString() =>
        Status is { } status ? WireNames.Of(status)
        : Error is { } error ? "error: " + error
        : Result?.ToString() ?? string.Empty;
}
