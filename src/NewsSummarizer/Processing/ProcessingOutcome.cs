using NewsSummarizer.Summaries;

namespace NewsSummarizer.Processing;

/// <summary>What processing one blob did.</summary>
public enum ProcessingResult
{
    /// <summary>A new result document was written.</summary>
    Written,

    /// <summary>The stored result is current for this content, provider and prompt: no model call.</summary>
    AlreadyCurrent,

    /// <summary>The blob is a result document (or named like one) and is never summarised.</summary>
    SkippedResultBlob,

    /// <summary>The article was deleted or replaced before it could be read; the newer version has its own run.</summary>
    ArticleGone,

    /// <summary>Another run wrote the result first (conditional write lost); nothing was overwritten.</summary>
    LostRace,
}

public sealed record ProcessingOutcome(ProcessingResult Result, SummaryDocument? Document = null);
