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

    /// <summary>The article was deleted before it could be read.</summary>
    ArticleGone,

    /// <summary>Other writers won the conditional write round after round; nothing was overwritten.</summary>
    LostRace,

    /// <summary>The article was replaced by a version this run did not summarise (or, on the poison path, did not
    /// fail on); that version has its own run, so nothing was written.</summary>
    Superseded,

    /// <summary>The name cannot be an article (see <see cref="ArticleNames"/>): nothing was read, called or written.
    /// <see cref="ProcessingOutcome.Error"/> says why.</summary>
    InvalidName,

    /// <summary>A listing found this version without a result, and by the time its run read the result one existed
    /// (of any status): another run answered it, so nothing was read, called or written.</summary>
    AnsweredSinceListing,

    /// <summary>The model stayed unavailable: a later attempt is scheduled on the retry queue and a <c>waiting</c>
    /// result says when (or one was already scheduled for this version).</summary>
    Deferred,
}
