using Microsoft.Extensions.Logging;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using static NewsSummarizer.Processing.ProcessingLog;

namespace NewsSummarizer.Processing;

/// <summary>Whether a delivery (a trigger, the sweep, a backfill, a retry message) has anything to do, decided from
/// the article's version and its stored result: the one place that says "current", "already scheduled" and "moot".</summary>
internal sealed class DeliveryDecision(SummaryService summaries, TimeProvider time, ILogger logger)
{
    /// <summary>How long after its due time a scheduled attempt is still expected from the retry queue (which polls
    /// every few seconds: host.json <c>queues.maxPollingInterval</c>).</summary>
    public static readonly TimeSpan ScheduleSlack = TimeSpan.FromMinutes(1);

    /// <summary>The outcome for a name that is no article's (a result document, an invalid name), checked before any
    /// storage call: such a name could address another container, or its result could not be written.</summary>
    public static ProcessingOutcome? Refuse(string name, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 0 && SummaryBlobNames.IsResult(name))
        {
            LogSkippedResultBlob(logger, name);
            return new ProcessingOutcome(ProcessingResult.SkippedResultBlob);
        }

        if (ArticleNames.Validate(name) is { } invalid)
        {
            LogInvalidName(logger, name.Length > 200 ? name[..200] + "…" : name, invalid.Message);
            return new ProcessingOutcome(ProcessingResult.InvalidName, Error: invalid);
        }

        return null;
    }

    /// <summary>Whether the stored result is the <c>waiting</c> marker of this very schedule (its version and time).</summary>
    public static bool IsSchedule(SummaryDocument? stored, RetryMessage retry) =>
        stored is { Status: SummaryStatus.Waiting } && stored.RetryAt == retry.RetryAt &&
        ArticleVersion.SameETag(stored.Source.ETag, retry.ETag);

    /// <summary>Until its retry message is due and some, a <c>waiting</c> version belongs to the retry queue: a trigger,
    /// the sweep or a backfill that meets it then (a duplicate delivery, a late polling scan) makes no call. Past that,
    /// the message is taken as lost and they may try the version themselves.</summary>
    public bool OwnedBySchedule(SummaryDocument stored) => stored.RetryAt + ScheduleSlack > time.GetUtcNow();

    /// <summary>The outcome when the blob's version and the stored result settle it without the article's content: its
    /// result names this version and is current, this version's attempt is already scheduled, or a retry message is
    /// not the schedule the stored result names. Otherwise <c>null</c>: the article must be read.</summary>
    public ProcessingOutcome? BeforeReading(string name, ArticleBlob blob, SummaryDocument? stored, RetryMessage? retry)
    {
        SummaryLength.TryParse(blob.RequestedLength, out var length, out _);
        var verdict = summaries.Classify(stored, sha256: null, blob.ETag, length);
        if (retry is not null)
        {
            return IsSchedule(stored, retry) ? null : ScheduleMoot(name, retry, stored, verdict);
        }

        if (verdict == ResultState.Current)
        {
            LogCurrentBeforeReading(logger, name, blob.ETag);
            return new ProcessingOutcome(ProcessingResult.AlreadyCurrent, stored);
        }

        return AlreadyScheduled(name, stored, verdict);
    }

    /// <summary>For a run of a version a listing found without a result (the DevHost's sweep): the outcome when a result
    /// for that version exists by now, whatever its status (the trigger or the retry queue that wrote it owns the
    /// version, a <c>failed</c> one included, as the trigger gives up once); otherwise <c>null</c>.</summary>
    public static ProcessingOutcome? AnsweredSinceListing(string name, string listedETag, SummaryDocument? stored, ILogger logger)
    {
        if (!ResultClassifier.DescribesListed(stored, listedETag))
        {
            return null;
        }

        LogAnsweredSinceListing(logger, name, listedETag, WireNames.Of(stored.Status));
        return new ProcessingOutcome(ProcessingResult.AnsweredSinceListing, stored);
    }

    /// <summary>A duplicate delivery of the trigger for a version whose scheduled attempt is still to come: the
    /// scheduled attempt takes it, not another call now. <c>null</c> otherwise.</summary>
    /// <param name="version">When given, the schedule must be for this version (the same text uploaded again is
    /// another version: its schedule is superseded, so it is tried now).</param>
    public ProcessingOutcome? AlreadyScheduled(string name, SummaryDocument? stored, ResultState verdict, string? version = null)
    {
        if (verdict != ResultState.Waiting || !OwnedBySchedule(stored!) ||
            (version is not null && !ArticleVersion.SameETag(stored!.Source.ETag, version)))
        {
            return null;
        }

        LogAlreadyScheduled(logger, name, stored!.RetryAt);
        return new ProcessingOutcome(ProcessingResult.Deferred, stored);
    }

    /// <summary>Whether a scheduled attempt is still wanted: only while the stored result is the <c>waiting</c> marker
    /// of this very schedule (its version and <c>retryAt</c>). Then it tries the version it was scheduled for, or, when
    /// a newer upload has had no result of its own yet, that version. Otherwise the outcome to return, with no model call.</summary>
    public ProcessingOutcome? Moot(string name, RetryMessage retry, SourceInfo source, SummaryDocument? stored, ResultState verdict)
    {
        var ours = IsSchedule(stored, retry);
        if (!ArticleVersion.SameETag(source.ETag, retry.ETag))
        {
            if (ours && verdict != ResultState.Current)
            {
                // Superseded by a newer upload whose result is still this schedule's marker: nothing handled it yet.
                return null;
            }

            LogScheduleSuperseded(logger, name, retry.ETag, source.ETag);
            return NothingToDo(stored, verdict);
        }

        return ours && verdict == ResultState.Waiting ? null : ScheduleMoot(name, retry, stored, verdict);
    }

    /// <summary>A retry message that is not the stored schedule: logged, and nothing to do.</summary>
    private ProcessingOutcome ScheduleMoot(string name, RetryMessage retry, SummaryDocument? stored, ResultState verdict)
    {
        LogScheduleMoot(logger, name, retry.RetryAt, stored is null ? "none" : WireNames.Of(stored.Status), stored?.RetryAt);
        return NothingToDo(stored, verdict);
    }

    /// <summary>What a moot delivery returns: the current result when there is one, else that it was superseded.</summary>
    private static ProcessingOutcome NothingToDo(SummaryDocument? stored, ResultState verdict) => verdict == ResultState.Current
        ? new ProcessingOutcome(ProcessingResult.AlreadyCurrent, stored)
        : new ProcessingOutcome(ProcessingResult.Superseded);
}
