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
