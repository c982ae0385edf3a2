namespace NewsSummarizer.Summarization;

/// <summary>What kind of failure a model call met, as decided by <see cref="ModelFailureClassifier"/>.</summary>
public enum ModelFailureKind
{
    /// <summary>408, 429, 5xx, a timeout or no connection: a later attempt can succeed, so it is retried.</summary>
    Transient,

    /// <summary>Azure's content filter blocked the prompt (400) or the completion (200, <c>finish_reason: content_filter</c>).
    /// Final for this text.</summary>
    ContentFiltered,

    /// <summary>The model refused a parameter, a value or the response schema (400): the configuration must change.</summary>
    RejectedRequest,

    /// <summary>The deployment or model does not exist (404).</summary>
    NotFound,

    /// <summary>The key or identity was refused (401/403).</summary>
    AuthFailed,

    /// <summary>The model used its whole output budget without finishing (<c>finish_reason: length</c>).</summary>
    OutputTruncated,

    /// <summary>The request exceeds the model's context window (<c>context_length_exceeded</c>).</summary>
    ContextTooLong,
}

/// <summary>Values of <c>error.code</c> in a result that the model path could not produce.</summary>
public static class ModelErrorCodes
{
    public const string ContentFiltered = "content-filtered";
    public const string RejectedRequest = "model-rejected-request";
    public const string NotFound = "model-not-found";
    public const string AuthFailed = "model-auth-failed";
    public const string OutputTruncated = "output-truncated";
    public const string ContextTooLong = "context-too-long";
    public const string InvalidReply = "invalid-model-reply";

    /// <summary>The codes of a model or configuration failure (status <c>failed</c>) rather than of input that will
    /// never pass (status <c>rejected</c>).</summary>
    public static bool IsModelFailure(string code) =>
        code is InvalidReply or RejectedRequest or NotFound or AuthFailed or OutputTruncated or ContextTooLong;

    /// <summary>The codes that say the model is misconfigured (the HTTP API answers 502 for them).</summary>
    public static bool IsMisconfiguration(string code) =>
        code is RejectedRequest or NotFound or AuthFailed;
}

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
