namespace NewsSummarizer.Processing;

/// <summary>The state of a stored result relative to the article as it is now: the one verdict the processor, the
/// backfill plan, <c>newsum upload --wait</c> and <c>newsum backfill --only</c> all use.</summary>
public enum ResultState
{
    /// <summary>No result, or one that cannot be trusted (too large, not JSON, not valid against the schema).</summary>
    Missing,

    /// <summary>Describes this version of the article, from this provider and prompt version: no model call.</summary>
    Current,

    /// <summary>Describes another version of the article, was made for another length, or comes from another provider
    /// or prompt version.</summary>
    Stale,

    /// <summary>The extractive result written for this version because the model was unavailable.</summary>
    Fallback,

    /// <summary>The trigger's retries were exhausted for this version.</summary>
    Failed,

    /// <summary>The model was unavailable for this version and another attempt is scheduled (status <c>waiting</c>).
    /// Never current and not settled: the scheduled attempt (or a new upload) replaces it.</summary>
    Waiting,
}
