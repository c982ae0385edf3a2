using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NewsSummarizer.Summaries;
using NewsSummarizer.Telemetry;
using static NewsSummarizer.Processing.ProcessingLog;

namespace NewsSummarizer.Processing;

/// <summary>Records that a trigger or a queue gave up on a version of an article: a <c>failed</c> result from what the
/// message says (or the summary kept for that version, when only its write failed), without reading or parsing the
/// article, which may be what failed.</summary>
internal sealed class FailureRecorder(
    ArticleLoader loader, ResultWriter writer, SummaryService summaries, SummarizerTelemetry telemetry, ILogger logger)
{
    /// <summary>What a <c>failed</c> result from the poison queue says: only what is known.</summary>
    public const string PoisonReason =
        "Every attempt the blob trigger made to summarise this version of the article failed, so it stopped retrying. " +
        "The cause of each attempt is in the host's log (search it for the article's name). " +
        "Upload the article again or run `newsum backfill --only failed` to try again.";

    /// <summary>Nothing is written when the article is gone, when it was replaced by a version nobody has tried yet
    /// (that version has its own run), or when a result for this version was written meanwhile.</summary>
    /// <param name="failedETag">The version that failed; <c>null</c> means the current version.</param>
    /// <param name="acts">Given this version's <c>waiting</c> result (its scheduled attempt) or <c>null</c> when it has
    /// none, whether the failure is recorded: a queue message acts only on the state it names.</param>
    public async Task<ProcessingOutcome> RecordAsync(
        string name, string? failedETag, string reason, Func<SummaryDocument?, bool> acts, Activity? activity, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            var (blob, existing) = await loader.VersionAndResultAsync(name, cancellationToken).ConfigureAwait(false);
            if (blob is null)
            {
                return new ProcessingOutcome(ProcessingResult.ArticleGone);
            }

            if (failedETag is not null && !ArticleVersion.SameETag(blob.ETag, failedETag))
            {
                LogFailureOfOldVersion(logger, name, failedETag, blob.ETag);
                return new ProcessingOutcome(ProcessingResult.Superseded);
            }

            var ofThisVersion = existing?.Document is { Source: { } written } document && ArticleVersion.SameETag(written.ETag, blob.ETag)
                ? document
                : null;
            if (ofThisVersion is not null && ofThisVersion.Status != SummaryStatus.Waiting)
            {
                LogFailureAlreadyResolved(logger, name, WireNames.Of(ofThisVersion.Status));
                return new ProcessingOutcome(ProcessingResult.AlreadyCurrent, ofThisVersion);
            }

            // A waiting marker is not a result, but it may be a schedule the message does not name: the message then
            // acts on nothing (the retry queue owns that version).
            if (!acts(ofThisVersion))
            {
                LogFailureMoot(logger, name, ofThisVersion?.RetryAt);
                return new ProcessingOutcome(ProcessingResult.Superseded, ofThisVersion);
            }

            // The trigger may have given up only because the result could not be written: the summary this instance
            // kept for that version is written instead of a failure (the write alone is retried, not the model).
            var kept = failedETag is null ? null : writer.KeptForVersion(name, blob.ETag);
            SummaryDocument record;
            if (kept is not null)
            {
                LogWroteKeptOnPoison(logger, name, blob.ETag);
                record = kept;
            }
            else
            {
                LogRecordedFailure(logger, name, blob.ETag, reason);
                var source = new SourceInfo(blob.Container, blob.Name, blob.ETag, null, blob.ContentType, blob.Bytes, null);
                record = summaries.Failed(Failure.Failed(FailureCodes.RetriesExhausted, reason), source);
            }

            if (await writer.WriteAsync(name, record, existing?.ETag, cancellationToken).ConfigureAwait(false))
            {
                if (kept is not null)
                {
                    writer.Forget(name, kept);
                }

                telemetry.RecordResult(activity, record);
                return new ProcessingOutcome(ProcessingResult.Written, record);
            }

            if (round == ArticleProcessor.MaxRounds)
            {
                LogGaveUpRounds(logger, name, ArticleProcessor.MaxRounds);
                return new ProcessingOutcome(ProcessingResult.LostRace);
            }

            LogReloading(logger, name);
        }
    }
}
