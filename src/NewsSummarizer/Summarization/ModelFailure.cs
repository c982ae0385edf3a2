namespace NewsSummarizer.Summarization;

/// <summary>One classified model failure: its kind, the <c>error.code</c> and a message that says what happened and
/// which setting to change (never a guess at a cause the model did not report).</summary>
public sealed record ModelFailure(ModelFailureKind Kind, string Code, string Message, bool Throttled = false, TimeSpan? RetryAfter = null)
{
    public bool IsTransient => Kind == ModelFailureKind.Transient;

    /// <summary>The exception the model path throws for this failure: <see cref="ModelUnavailableException"/> for a
    /// transient one (the caller may retry later), <see cref="SummarizationException"/> for a final one (a result at once).</summary>
    public Exception ToException(Exception? inner) => IsTransient
        ? new ModelUnavailableException(Message, Throttled, RetryAfter, inner ?? new InvalidOperationException(Message))
        : new SummarizationException(Code, Message, inner, rejectsInput: Kind == ModelFailureKind.ContentFiltered);
}
