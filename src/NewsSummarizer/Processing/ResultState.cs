using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

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

/// <summary>The version of an article a result is judged against. <see cref="Sha256"/> (of the normalised text) is
/// known when the text was read and decoded; a listing gives only <see cref="ETag"/>.</summary>
public readonly record struct ArticleVersion(string? ETag, string? Sha256);

/// <summary>Classifies a stored result against an article version. Pure and null-safe: a document with a missing
/// <c>source</c>, <c>model</c> or <c>status</c> (only possible if it bypassed the schema check) is <see cref="ResultState.Missing"/>.</summary>
public static class ResultClassifier
{
    /// <param name="length">The length asked for now (the article's <c>summary_length</c> metadata); null is the
    /// default, which a result without a recorded length was made for.</param>
    public static ResultState Classify(SummaryDocument? stored, ArticleVersion article, string provider, string promptVersion, SummaryLength? length = null)
    {
        if (stored is not { Source: { } source, Model: { } model, Status: { } status })
        {
            return ResultState.Missing;
        }

        if (!Describes(source, article))
        {
            return ResultState.Stale;
        }

        if (status == SummaryStatus.Failed)
        {
            return ResultState.Failed;
        }

        if (status == SummaryStatus.Waiting)
        {
            return ResultState.Waiting;
        }

        // Only a summary has a length: a rejection or a failure stands whatever length was asked.
        if (status == SummaryStatus.Ok && !(length ?? SummaryLength.Default).Matches(stored.Length))
        {
            return ResultState.Stale;
        }

        if (model.Provider == SummaryService.FallbackProvider)
        {
            return ResultState.Fallback;
        }

        return model.Provider == provider && model.PromptVersion == promptVersion ? ResultState.Current : ResultState.Stale;
    }

    /// <summary>Whether the service is done with this version: its result is current, or is the fallback or the
    /// failure written for it. <c>newsum upload --wait</c> waits for this; missing and stale results are still to come.</summary>
    public static bool IsSettled(this ResultState state) => state is ResultState.Current or ResultState.Fallback or ResultState.Failed;

    /// <summary>Whether the result was made from this version's content: the same text (sha256 of the normalised
    /// text) when the article was read, else the same blob version (ETag). Identical text uploaded again has a new
    /// ETag and the same hash, so once read it is the same content.</summary>
    public static bool Describes(SourceInfo source, ArticleVersion article)
    {
        ArgumentNullException.ThrowIfNull(source);
        return article.Sha256 is not null
            ? string.Equals(source.Sha256, article.Sha256, StringComparison.Ordinal)
            : article.ETag is not null && string.Equals(source.ETag, article.ETag, StringComparison.Ordinal);
    }
}
