using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NewsSummarizer.Articles;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Telemetry;
using static NewsSummarizer.Processing.ProcessingLog;

namespace NewsSummarizer.Processing;

/// <summary>Runs one article: a blob trigger, a scheduled retry, or a poison message. Each run holds the article's
/// lock in this process, asks <see cref="DeliveryDecision"/> whether there is anything to do before reading, reads it
/// (<see cref="ArticleLoader"/>), summarises, and writes beside it (<see cref="ResultWriter"/>, conditionally). A lost
/// write means another writer got there first: the run reloads and decides again, reusing what it already paid for.</summary>
/// <remarks>A model that stays unavailable does not fail the trigger: <see cref="Deferral"/> schedules the article on
/// the retry queue and writes a <c>waiting</c> result; the scheduled attempt comes back through
/// <see cref="HandleRetryMessageAsync"/>. Poison messages go to <see cref="FailureRecorder"/>.</remarks>
public sealed class ArticleProcessor
{
    /// <summary>How often one run reloads and decides again after other writers won the conditional write.
    /// Each round needs another writer to have written in between, so this is only reached under churn.</summary>
    public const int MaxRounds = 5;

    // Two deliveries of one article in this process (a trigger retry, the DevHost's sweep, an HTTP backfill) run one
    // after the other, so the second sees the first's result as current instead of calling the model again.
    // Across instances the conditional write decides.
    private readonly KeyedLock articleLocks = new();
    private readonly IArticleStore store;
    private readonly SummaryService summaries;
    private readonly ILogger logger;
    private readonly ArticleLoader loader;
    private readonly ResultWriter writer;
    private readonly DeliveryDecision decision;
    private readonly SummaryStep step;
    private readonly FailureRecorder failures;

    public ArticleProcessor(
        IArticleStore store,
        ArticleReader reader,
        SummaryService summaries,
        SummarizerTelemetry telemetry,
        TimeProvider time,
        ILogger<ArticleProcessor> logger,
        IRetryQueue retries,
        RetryPlanner planner,
        PendingResults pending)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        this.summaries = summaries;
        this.logger = logger;
        loader = new ArticleLoader(store, reader, logger);
        writer = new ResultWriter(store, pending, summaries, time, logger);
        decision = new DeliveryDecision(summaries, time, logger);
        step = new SummaryStep(summaries, writer, new Deferral(store, retries, planner, summaries, writer, telemetry, logger), telemetry, logger);
        failures = new FailureRecorder(loader, writer, summaries, telemetry, logger);
    }

    /// <summary>Results whose write failed and are kept for the next attempt (see <see cref="PendingResults"/>).</summary>
    internal int PendingCount => writer.PendingCount;

    public Task<ProcessingOutcome> ProcessAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(name, "SummarizeArticle", retry: null, listedETag: null, cancellationToken);

    /// <summary>Runs version <paramref name="listedETag"/> of an article a container listing found with no result for
    /// it (the DevHost's sweep), unless a result for that version exists by the time the run reads it, whatever its
    /// status: <see cref="ProcessingResult.AnsweredSinceListing"/>, from the one result read every run makes.</summary>
    public Task<ProcessingOutcome> ProcessListedAsync(string name, string listedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listedETag);
        return RunAsync(name, "SummarizeArticle", retry: null, listedETag, cancellationToken);
    }

    /// <summary>Whether a run for this article is under way in this process (a trigger, a retry, the sweep).</summary>
    public bool IsBusy(string name) => articleLocks.IsBusy(name);

    /// <summary>Handles a message of the retry queue (<see cref="ArticleRetryQueue.Name"/>): the scheduled attempt
    /// for the version it names. It does nothing, and makes no model call, unless the <c>waiting</c> result beside the
    /// article is still this very schedule: a newer upload, a current result (a backfill, another instance) or a
    /// later schedule make it moot. Messages for other containers are not ours and are ignored.</summary>
    public Task<ProcessingOutcome> HandleRetryMessageAsync(string message, CancellationToken cancellationToken) =>
        OurRetry(message) is { } retry
            ? RunAsync(retry.Name, "RetryArticle", retry, listedETag: null, cancellationToken)
            : Task.FromResult(new ProcessingOutcome(ProcessingResult.ArticleGone));

    /// <summary>Records that the trigger gave up on version <paramref name="failedETag"/> of an article: a <c>failed</c>
    /// result from what the message says, without reading or parsing the article (which may be what failed).</summary>
    /// <remarks>Nothing is written when the article is gone, when it was replaced by a version nobody has tried yet
    /// (that version has its own run), or when a result for this version was written meanwhile.</remarks>
    /// <param name="acts">Given this version's <c>waiting</c> result (its scheduled attempt) or <c>null</c> when it has
    /// none, whether the failure is recorded: a queue message acts only on the state it names.</param>
    private async Task<ProcessingOutcome> RecordFailureAsync(
        string name, string? failedETag, string reason, Func<SummaryDocument?, bool> acts, CancellationToken cancellationToken)
    {
        if (DeliveryDecision.Refuse(name, logger) is { } refused)
        {
            return refused;
        }

        using var held = await articleLocks.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        using var activity = SummarizerTelemetry.StartArticle("RecordArticleFailure", name);
        return await failures.RecordAsync(name, failedETag, reason, acts, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles a message of the poison queue: messages for other containers are not ours and are ignored.</summary>
    public Task<ProcessingOutcome> HandlePoisonMessageAsync(string message, CancellationToken cancellationToken)
    {
        var poison = PoisonBlobMessage.TryParse(message);
        if (poison is null || !string.Equals(poison.ContainerName, store.Container, StringComparison.Ordinal))
        {
            LogIgnoredPoisonMessage(logger);
            return Task.FromResult(new ProcessingOutcome(ProcessingResult.ArticleGone));
        }

        if (string.IsNullOrEmpty(poison.ETag))
        {
            // Without the version that failed, a newer version nobody tried could be marked failed: leave it alone.
            LogPoisonWithoutETag(logger, poison.BlobName!);
            return Task.FromResult(new ProcessingOutcome(ProcessingResult.Superseded));
        }

        // The blob trigger gives up only on runs that threw; a version the service scheduled (waiting) ended its run
        // cleanly, so a poison message for it is stale or forged and leaves the schedule alone.
        return RecordFailureAsync(poison.BlobName!, poison.ETag, FailureRecorder.PoisonReason, acts: static scheduled => scheduled is null, cancellationToken);
    }

    /// <summary>Handles a message of <see cref="ArticleRetryQueue.PoisonName"/>: a scheduled attempt that threw
    /// (storage, not the model, which is scheduled again instead) until the queue trigger gave up. A <c>failed</c>
    /// result for the version it names says so, with the deferral history, unless that version has a result meanwhile.</summary>
    public Task<ProcessingOutcome> HandleRetryPoisonMessageAsync(string message, CancellationToken cancellationToken)
    {
        if (OurRetry(message) is not { } retry)
        {
            return Task.FromResult(new ProcessingOutcome(ProcessingResult.ArticleGone));
        }

        return RecordFailureAsync(
            retry.Name,
            retry.ETag,
            "Every run of the scheduled attempt failed with an error outside the model (see the host's log), so the retry " +
            $"queue gave up on it. Deferral history: {string.Join(" | ", retry.History)}. " +
            "Upload the article again or run `newsum backfill --only failed` to try again.",
            acts: scheduled => DeliveryDecision.IsSchedule(scheduled, retry),
            cancellationToken);
    }

    /// <summary>A retry-queue message, parsed and validated, when it names an article of this container; else logged.</summary>
    private RetryMessage? OurRetry(string message)
    {
        var retry = RetryMessage.TryParse(message);
        if (retry is null || !string.Equals(retry.Container, store.Container, StringComparison.Ordinal))
        {
            LogIgnoredRetryMessage(logger);
            return null;
        }

        return retry;
    }

    /// <summary>One run of an article under its lock, traced as <paramref name="operation"/>.</summary>
    private async Task<ProcessingOutcome> RunAsync(
        string name, string operation, RetryMessage? retry, string? listedETag, CancellationToken cancellationToken)
    {
        if (DeliveryDecision.Refuse(name, logger) is { } refused)
        {
            return refused;
        }

        using var held = await articleLocks.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        using var activity = SummarizerTelemetry.StartArticle(operation, name);
        if (retry is not null)
        {
            activity?.SetTag("newssummarizer.deferrals", retry.Deferrals);
        }

        var outcome = await ProcessHeldAsync(name, activity, retry, listedETag, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("newssummarizer.outcome", outcome.Result.ToString());
        return outcome;
    }

    private async Task<ProcessingOutcome> ProcessHeldAsync(
        string name, Activity? activity, RetryMessage? retry, string? listedETag, CancellationToken cancellationToken)
    {
        // A current result or a moot schedule is decided from the stored result and the blob's properties alone: a
        // hostile document is not downloaded and parsed again to find nothing to do. A new upload has no result, so
        // nothing to decide before the download.
        var known = await loader.ResultAsync(name, cancellationToken).ConfigureAwait(false);
        if (listedETag is not null && DeliveryDecision.AnsweredSinceListing(name, listedETag, known?.Document, logger) is { } answered)
        {
            return answered;
        }

        if (known is not null || retry is not null)
        {
            if (await loader.VersionAsync(name, cancellationToken).ConfigureAwait(false) is not { } blob)
            {
                return new ProcessingOutcome(ProcessingResult.ArticleGone);
            }

            if (decision.BeforeReading(name, blob, known?.Document, retry) is { } decided)
            {
                return decided;
            }
        }

        // The model's output, kept across rounds: a lost race or a storage fault never pays the model twice.
        SummaryDocument? produced = null;
        for (var round = 1; ; round++)
        {
            if (await loader.LoadAsync(name, resultRead: round == 1, known, cancellationToken).ConfigureAwait(false) is not { } article)
            {
                return new ProcessingOutcome(ProcessingResult.ArticleGone);
            }

            var (read, source, stored) = (article.Read, article.Source, article.Existing?.Document);
            var verdict = summaries.Classify(stored, read.Sha256, source.ETag, article.Length);
            if (retry is not null)
            {
                if (decision.Moot(name, retry, source, stored, verdict) is { } moot)
                {
                    return moot;
                }

                // A newer version that nothing has handled yet (its trigger may be late or missed): take it now, as a
                // first attempt of its own. If its trigger comes later, it finds the result current.
                retry = ArticleVersion.SameETag(source.ETag, retry.ETag) ? retry : null;
            }

            if (verdict == ResultState.Current)
            {
                if (await writer.RefreshVersionAsync(name, stored!, source, article.Existing!.ETag, cancellationToken).ConfigureAwait(false) is { } current)
                {
                    return new ProcessingOutcome(ProcessingResult.AlreadyCurrent, current);
                }
            }
            else if (retry is null && decision.AlreadyScheduled(name, stored, verdict, source.ETag) is { } scheduled)
            {
                return scheduled;
            }
            else
            {
                var (outcome, output) = await step.SummarizeAndWriteAsync(name, article, retry, produced, activity, cancellationToken).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }

                produced = output ?? produced;
            }

            if (round == MaxRounds)
            {
                LogGaveUpRounds(logger, name, MaxRounds);
                return new ProcessingOutcome(ProcessingResult.LostRace);
            }

            // Another writer got there first. Whatever it wrote, decide again against the article as it is now.
            LogReloading(logger, name);
        }
    }
}
