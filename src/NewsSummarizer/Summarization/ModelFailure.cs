using NewsSummarizer.Summaries;

namespace NewsSummarizer.Summarization;

/// <summary>One classified model failure: its kind, the <c>error.code</c> and a message that says what happened and
/// which setting to change (never a guess at a cause the model did not report).</summary>
public sealed record ModelFailure(ModelFailureKind Kind, string Code, string Message, bool Throttled = false, TimeSpan? RetryAfter = null)
{
    /// <summary>Transient (retried later), rejected (the content filter: this text never passes) or failed: the
    /// code's, from the one table (<see cref="FailureCodes.DispositionOf"/>).</summary>
    public Disposition Disposition => FailureCodes.DispositionOf(Code);

    public bool IsTransient => Disposition == Disposition.Transient;

    /// <summary>This failure as the result and the API name it.</summary>
    public Failure Failure => new(Code, Disposition, Message);

    /// <summary>The exception the model path throws for this failure: <see cref="ModelUnavailableException"/> for a
    /// transient one (the caller may retry later), <see cref="SummarizationException"/> for a final one (a result at once).</summary>
    public Exception ToException(Exception? inner) => IsTransient
        ? new ModelUnavailableException(Message, Throttled, RetryAfter, inner ?? new InvalidOperationException(Message))
        : new SummarizationException(Code, Message, inner, Disposition);
}
