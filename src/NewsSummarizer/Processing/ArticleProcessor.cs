using System.Diagnostics;
using Azure;
using Microsoft.Extensions.Logging;
using NewsSummarizer.Articles;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using NewsSummarizer.Telemetry;

namespace NewsSummarizer.Processing;

/// <summary>The blob path: check the name → read → hash → skip if current → summarise → write beside the article
/// (conditionally). A lost conditional write is not the end: the processor reloads and decides again against the
/// article as it is now, so a result always describes the newest version that was summarised.
/// <para>A model that stays unavailable after one call's retry budget does not fail the trigger: the article is
/// scheduled on the retry queue (<see cref="RetryPlanner"/> decides when, and when to give up) and a <c>waiting</c>
/// result says so until the scheduled attempt, which comes back through <see cref="HandleRetryMessageAsync"/>.</para></summary>
public sealed partial class ArticleProcessor(
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
    /// <summary>How often one run reloads and decides again after other writers won the conditional write.
    /// Each round needs another writer to have written in between, so this is only reached under churn.</summary>
    public const int MaxRounds = 5;

    /// <summary>How long after its due time a scheduled attempt is still expected from the retry queue (which polls
    /// every few seconds: host.json <c>queues.maxPollingInterval</c>).</summary>
    public static readonly TimeSpan ScheduleSlack = TimeSpan.FromMinutes(1);

    /// <summary>What a <c>failed</c> result from the poison queue says: only what is known.</summary>
    public const string PoisonReason =
        "Every attempt the blob trigger made to summarise this version of the article failed, so it stopped retrying. " +
        "The cause of each attempt is in the host's log (search it for the article's name). " +
        "Upload the article again or run `newsum backfill --only failed` to try again.";

    /// <summary>Pauses between attempts to write a result that failed with a storage fault (not a lost race).
    /// The model's output is kept meanwhile: a storage fault never costs a second model call.</summary>
    public static IReadOnlyList<TimeSpan> WriteBackoff { get; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15)];

    // Two deliveries of one article in this process (a trigger retry, the DevHost's sweep, an HTTP backfill) run one
    // after the other, so the second sees the first's result as current instead of calling the model again.
    // Across instances the conditional write decides.
    private readonly KeyedLock articleLocks = new();

    /// <summary>Results whose write failed and are kept for the next attempt (see <see cref="PendingResults"/>).</summary>
    internal int PendingCount => pending.Count;

    public async Task<ProcessingOutcome> ProcessAsync(string name, CancellationToken cancellationToken)
    {
        if (Refuse(name) is { } refused)
        {
            return refused;
        }

        using var held = await articleLocks.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        using var activity = SummarizerTelemetry.StartArticle("SummarizeArticle", name);
        var outcome = await ProcessHeldAsync(name, activity, retry: null, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("newssummarizer.outcome", outcome.Result.ToString());
        return outcome;
    }

    /// <summary>Whether a run for this article is under way in this process (a trigger, a retry, the sweep).</summary>
    public bool IsBusy(string name) => articleLocks.IsBusy(name);

    /// <summary>Handles a message of the retry queue (<see cref="ArticleRetryQueue.Name"/>): the scheduled attempt
    /// for the version it names. It does nothing, and makes no model call, unless the <c>waiting</c> result beside the
    /// article is still this very schedule: a newer upload, a current result (a backfill, another instance) or a
    /// later schedule make it moot. Messages for other containers are not ours and are ignored.</summary>
    public async Task<ProcessingOutcome> HandleRetryMessageAsync(string message, CancellationToken cancellationToken)
    {
        var retry = RetryMessage.TryParse(message);
        if (retry is null || !string.Equals(retry.Container, store.Container, StringComparison.Ordinal))
        {
            LogIgnoredRetryMessage(logger);
            return new ProcessingOutcome(ProcessingResult.ArticleGone);
        }

        if (Refuse(retry.Name) is { } refused)
        {
            return refused;
        }

        using var held = await articleLocks.AcquireAsync(retry.Name, cancellationToken).ConfigureAwait(false);
        using var activity = SummarizerTelemetry.StartArticle("RetryArticle", retry.Name);
        activity?.SetTag("newssummarizer.deferrals", retry.Deferrals);
        var outcome = await ProcessHeldAsync(retry.Name, activity, retry, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("newssummarizer.outcome", outcome.Result.ToString());
        return outcome;
    }

    /// <summary>Records that the trigger gave up on the article's current version (see the overload with an ETag).</summary>
    public Task<ProcessingOutcome> RecordFailureAsync(string name, string reason, CancellationToken cancellationToken) =>
        RecordFailureAsync(name, failedETag: null, reason, cancellationToken);

    /// <summary>Records that the trigger gave up on version <paramref name="failedETag"/> of an article (poison): a
    /// <c>failed</c> result from what the message says, without reading or parsing the article (which may be what
    /// failed). Nothing is written when the article is gone, when it was replaced by a version nobody has tried yet
    /// (that version has its own run), or when a result for this version was written meanwhile.
    /// <paramref name="failedETag"/> <c>null</c> means the current version.</summary>
    public Task<ProcessingOutcome> RecordFailureAsync(string name, string? failedETag, string reason, CancellationToken cancellationToken) =>
        RecordFailureAsync(name, failedETag, reason, acts: static _ => true, cancellationToken);

    /// <param name="acts">Given this version's <c>waiting</c> result (its scheduled attempt) or <c>null</c> when it has
    /// none, whether the failure is recorded: a queue message acts only on the state it names.</param>
    private async Task<ProcessingOutcome> RecordFailureAsync(
        string name, string? failedETag, string reason, Func<SummaryDocument?, bool> acts, CancellationToken cancellationToken)
    {
        if (Refuse(name) is { } refused)
        {
            return refused;
        }

        using var held = await articleLocks.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        using var activity = SummarizerTelemetry.StartArticle("RecordArticleFailure", name);
        for (var round = 1; ; round++)
        {
            var (blob, existing) = await VersionAndResultAsync(name, cancellationToken).ConfigureAwait(false);
            if (blob is null)
            {
                LogArticleGone(logger, name);
                return new ProcessingOutcome(ProcessingResult.ArticleGone);
            }

            if (failedETag is not null && !string.Equals(blob.ETag, failedETag, StringComparison.Ordinal))
            {
                LogFailureOfOldVersion(logger, name, failedETag, blob.ETag);
                return new ProcessingOutcome(ProcessingResult.Superseded);
            }

            var ofThisVersion = existing?.Document is { Source: { } written } document && string.Equals(written.ETag, blob.ETag, StringComparison.Ordinal)
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
            var kept = failedETag is null ? null : pending.FindVersion(name, blob.ETag, summaries.Provider, summaries.PromptVersion);
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
                record = summaries.Failed(new ErrorInfo("retries-exhausted", reason), source);
            }

            if (await WriteWithRetryAsync(name, record, existing?.ETag, cancellationToken).ConfigureAwait(false))
            {
                if (kept is not null)
                {
                    pending.Forget(name, kept.Source.Sha256, summaries.Provider, summaries.PromptVersion);
                }

                telemetry.RecordResult(activity, record);
                return new ProcessingOutcome(ProcessingResult.Written, record);
            }

            if (round == MaxRounds)
            {
                LogGaveUpRounds(logger, name, MaxRounds);
                return new ProcessingOutcome(ProcessingResult.LostRace);
            }

            LogReloading(logger, name);
        }
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
        return RecordFailureAsync(poison.BlobName!, poison.ETag, PoisonReason, acts: static scheduled => scheduled is null, cancellationToken);
    }

    /// <summary>Handles a message of <see cref="ArticleRetryQueue.PoisonName"/>: a scheduled attempt that threw
    /// (storage, not the model, which is scheduled again instead) until the queue trigger gave up. A <c>failed</c>
    /// result for the version it names says so, with the deferral history, unless that version has a result meanwhile.</summary>
    public Task<ProcessingOutcome> HandleRetryPoisonMessageAsync(string message, CancellationToken cancellationToken)
    {
        var retry = RetryMessage.TryParse(message);
        if (retry is null || !string.Equals(retry.Container, store.Container, StringComparison.Ordinal))
        {
            LogIgnoredRetryMessage(logger);
            return Task.FromResult(new ProcessingOutcome(ProcessingResult.ArticleGone));
        }

        return RecordFailureAsync(
            retry.Name,
            retry.ETag,
            "Every run of the scheduled attempt failed with an error outside the model (see the host's log), so the retry " +
            $"queue gave up on it. Deferral history: {string.Join(" | ", retry.History)}. " +
            "Upload the article again or run `newsum backfill --only failed` to try again.",
            acts: scheduled => IsSchedule(scheduled, retry),
            cancellationToken);
    }

    private ProcessingOutcome? Refuse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 0 && SummaryBlobNames.IsResult(name))
        {
            LogSkippedResultBlob(logger, name);
            return new ProcessingOutcome(ProcessingResult.SkippedResultBlob);
        }

        if (ArticleNames.Validate(name) is { } invalid)
        {
            // Checked before any storage call: the name could address another container, or its result could not be written.
            LogInvalidName(logger, name.Length > 200 ? name[..200] + "…" : name, invalid.Message);
            return new ProcessingOutcome(ProcessingResult.InvalidName, Error: invalid);
        }

        return null;
    }

    private async Task<ProcessingOutcome> ProcessHeldAsync(string name, Activity? activity, RetryMessage? retry, CancellationToken cancellationToken)
    {
        // A version whose result is current, or a moot schedule, is decided from the blob's properties and the stored
        // result alone: a hostile document is not downloaded and parsed again only to find there is nothing to do.
        var (decided, known) = await DecideBeforeReadingAsync(name, retry, cancellationToken).ConfigureAwait(false);
        if (decided is not null)
        {
            return decided;
        }

        // The model's output, kept across rounds: a lost race or a storage fault never pays the model twice.
        SummaryDocument? produced = null;
        for (var round = 1; ; round++)
        {
            var state = await LoadAsync(name, round == 1 ? known : null, cancellationToken).ConfigureAwait(false);
            if (state.Outcome is { } early)
            {
                return early;
            }

            var read = state.Read!;
            var source = state.Source!;
            var version = new ArticleVersion(source.ETag, read.Sha256);
            var stored = state.Existing?.Document;
            var length = state.Length!;
            var verdict = summaries.Classify(stored, read.Sha256, source.ETag, length);
            if (retry is not null)
            {
                if (Moot(name, retry, source, stored, verdict) is { } moot)
                {
                    return moot;
                }

                if (!string.Equals(source.ETag, retry.ETag, StringComparison.Ordinal))
                {
                    // A newer version that nothing has handled yet (its trigger may be late or missed): take it now,
                    // as a first attempt of its own. If its trigger comes later, it finds the result current.
                    retry = null;
                }
            }

            if (verdict == ResultState.Current)
            {
                if (await RefreshVersionAsync(name, stored!, source, state.Existing!.ETag, cancellationToken).ConfigureAwait(false) is { } current)
                {
                    return new ProcessingOutcome(ProcessingResult.AlreadyCurrent, current);
                }
            }
            else if (retry is null && verdict == ResultState.Waiting && OwnedBySchedule(stored!) &&
                string.Equals(stored!.Source.ETag, source.ETag, StringComparison.Ordinal))
            {
                // A duplicate delivery of the trigger: the scheduled attempt takes this version, not another call now.
                // (The same text uploaded again is another version: its schedule is superseded, so it is tried now.)
                LogAlreadyScheduled(logger, name, stored.RetryAt);
                return new ProcessingOutcome(ProcessingResult.Deferred, stored);
            }
            else
            {
                var document = Reusable(produced, version, source) ?? Reusable(Pending(name, read.Sha256, length), version, source);
                if (document is null)
                {
                    if (produced is not null)
                    {
                        // What this run summarised is no longer the article: the newer version has its own run.
                        LogSuperseded(logger, name);
                        return new ProcessingOutcome(ProcessingResult.Superseded);
                    }

                    try
                    {
                        document = await summaries.CreateDocumentAsync(read, source, length, ModelFallback.Never, cancellationToken)
                            .ConfigureAwait(false);
                    }
                    catch (ModelUnavailableException exception)
                    {
                        var deferred = await DeferAsync(name, read, source, length, state.Existing?.ETag, retry, exception, activity, cancellationToken)
                            .ConfigureAwait(false);
                        if (deferred is not null)
                        {
                            return deferred;
                        }

                        document = null;
                    }
                }

                if (document is not null)
                {
                    produced = document;
                    if (await WriteKeepingOutputAsync(name, document, state.Existing?.ETag, cancellationToken).ConfigureAwait(false))
                    {
                        telemetry.RecordResult(activity, document);
                        LogWritten(logger, name, WireNames.Of(document.Status), document.Model.Provider.Name, document.DurationMs, document.Model.InputTokens, document.Model.OutputTokens);
                        return new ProcessingOutcome(ProcessingResult.Written, document);
                    }
                }
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

    /// <summary>Whether a scheduled attempt is still wanted: only while the stored result is the <c>waiting</c> marker
    /// of this very schedule (its version and <c>retryAt</c>). Then it tries the version it was scheduled for, or, when
    /// a newer upload has had no result of its own yet, that version. Otherwise the outcome to return, with no model call.</summary>
    private ProcessingOutcome? Moot(string name, RetryMessage retry, SourceInfo source, SummaryDocument? stored, ResultState verdict)
    {
        var ours = IsSchedule(stored, retry);
        if (!string.Equals(source.ETag, retry.ETag, StringComparison.Ordinal))
        {
            if (ours && verdict != ResultState.Current)
            {
                // Superseded by a newer upload whose result is still this schedule's marker: nothing handled it yet.
                return null;
            }

            LogScheduleSuperseded(logger, name, retry.ETag, source.ETag);
            return NothingToDo(stored, verdict);
        }

        if (ours && verdict == ResultState.Waiting)
        {
            return null;
        }

        return ScheduleMoot(name, retry, stored, verdict);
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

    /// <summary>The model stayed unavailable: schedule the next attempt and write the <c>waiting</c> marker, or, when
    /// the deferral budget is spent, the extractive fallback (if enabled) or a <c>failed</c> result with the history.
    /// <c>null</c>: another writer changed the result first, so decide again.</summary>
    private async Task<ProcessingOutcome?> DeferAsync(
        string name, ArticleReadResult read, SourceInfo source, SummaryLength length, string? ifMatch, RetryMessage? retry,
        ModelUnavailableException failure, Activity? activity, CancellationToken cancellationToken)
    {
        var decision = planner.Decide(store.Container, name, source.ETag!, retry, failure);
        if (decision is ScheduleRetry schedule)
        {
            var message = schedule.Message;
            // The message goes first: a marker without a message would wait for nothing, while a message whose
            // marker was not written finds no schedule of its own and does nothing (the trigger's retry takes over).
            await retries.ScheduleAsync(message.ToJson(), schedule.Delay, cancellationToken).ConfigureAwait(false);
            var waiting = summaries.Waiting(
                new ErrorInfo(
                    "model-unavailable",
                    $"{failure.Message} Attempt {message.Deferrals} failed; the next is scheduled for {message.RetryAt:O}."),
                source,
                message.RetryAt,
                read.Article?.Language ?? ArticleLanguage.Other);
            if (!await WriteWithRetryAsync(name, waiting, ifMatch, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            LogDeferred(logger, name, message.Deferrals, schedule.Delay.TotalSeconds, failure.Message);
            return new ProcessingOutcome(ProcessingResult.Deferred, waiting);
        }

        var reason = ((GiveUp)decision).Reason;
        LogGaveUpRetries(logger, name, reason);
        var final = await summaries.CreateFallbackDocumentAsync(read, source, length, reason, cancellationToken).ConfigureAwait(false)
            ?? summaries.Failed(new ErrorInfo("retries-exhausted", reason), source);
        if (!await WriteKeepingOutputAsync(name, final, ifMatch, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        telemetry.RecordResult(activity, final);
        return new ProcessingOutcome(ProcessingResult.Written, final);
    }

    /// <summary>The outcome when the blob's version and the stored result settle it without the article's content: the
    /// article is gone, its result names this version and is current, this version's attempt is already scheduled, or
    /// a retry message is not the schedule the stored result names. Otherwise <c>null</c>, with the stored result read.</summary>
    private async Task<(ProcessingOutcome? Outcome, StoredResult? Existing)> DecideBeforeReadingAsync(
        string name, RetryMessage? retry, CancellationToken cancellationToken)
    {
        var (blob, existing) = await VersionAndResultAsync(name, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            LogArticleGone(logger, name);
            return (new ProcessingOutcome(ProcessingResult.ArticleGone), null);
        }

        var stored = existing?.Document;
        SummaryLength.TryParse(blob.RequestedLength, out var length, out _);
        var verdict = summaries.Classify(stored, sha256: null, blob.ETag, length);
        if (retry is not null)
        {
            if (IsSchedule(stored, retry))
            {
                return (null, existing);
            }

            return (ScheduleMoot(name, retry, stored, verdict), null);
        }

        if (verdict == ResultState.Current)
        {
            LogCurrentBeforeReading(logger, name, blob.ETag);
            return (new ProcessingOutcome(ProcessingResult.AlreadyCurrent, stored), null);
        }

        if (verdict == ResultState.Waiting && OwnedBySchedule(stored!))
        {
            // A duplicate delivery of the trigger: the scheduled attempt takes this version, not another call now.
            LogAlreadyScheduled(logger, name, stored!.RetryAt);
            return (new ProcessingOutcome(ProcessingResult.Deferred, stored), null);
        }

        return (null, existing);
    }

    /// <summary>The article's properties (its version, size and metadata; maxBytes 0, never the content) and the
    /// stored result, read in parallel.</summary>
    private async Task<(ArticleBlob? Blob, StoredResult? Existing)> VersionAndResultAsync(string name, CancellationToken cancellationToken)
    {
        var blobTask = store.GetArticleAsync(name, maxBytes: 0, cancellationToken);
        var existingTask = store.GetResultAsync(name, cancellationToken);
        await Task.WhenAll(blobTask, existingTask).ConfigureAwait(false);
        return (await blobTask.ConfigureAwait(false), await existingTask.ConfigureAwait(false));
    }

    /// <summary>Until its retry message is due and some, a <c>waiting</c> version belongs to the retry queue: a trigger,
    /// the sweep or a backfill that meets it then (a duplicate delivery, a late polling scan) makes no call. Past that,
    /// the message is taken as lost and they may try the version themselves.</summary>
    private bool OwnedBySchedule(SummaryDocument stored) => stored.RetryAt + ScheduleSlack > time.GetUtcNow();

    /// <summary>Whether the stored result is the <c>waiting</c> marker of this very schedule (its version and time).</summary>
    private static bool IsSchedule(SummaryDocument? stored, RetryMessage retry) =>
        stored is { Status: SummaryStatus.Waiting } && stored.RetryAt == retry.RetryAt &&
        string.Equals(stored.Source.ETag, retry.ETag, StringComparison.Ordinal);

    /// <param name="known">The stored result, when it was just read (the first round).</param>
    private async Task<LoadedArticle> LoadAsync(string name, StoredResult? known, CancellationToken cancellationToken)
    {
        // The stored result is fetched while the article downloads: two storage round trips in parallel, not in a row.
        var maxBytes = reader.MaxBytesFor(name, null);
        var blobTask = store.GetArticleAsync(name, maxBytes, cancellationToken);
        var existingTask = known is null ? store.GetResultAsync(name, cancellationToken) : Task.FromResult<StoredResult?>(known);
        await Task.WhenAll(blobTask, existingTask).ConfigureAwait(false);
        var blob = await blobTask.ConfigureAwait(false);
        if (blob is null)
        {
            LogArticleGone(logger, name);
            return new LoadedArticle(new ProcessingOutcome(ProcessingResult.ArticleGone));
        }

        var existing = await existingTask.ConfigureAwait(false);
        if (existing is { Document: null, Problem: var problem })
        {
            LogUntrustedResult(logger, name, problem ?? "unreadable");
        }

        var read = blob.Content is { } content
            ? await reader.ReadAsync(content, blob.Name, blob.ContentType, cancellationToken: cancellationToken).ConfigureAwait(false)
            : ArticleReader.TooLarge(blob.Bytes, maxBytes);
        var source = new SourceInfo(blob.Container, blob.Name, blob.ETag, read.Sha256, blob.ContentType, blob.Bytes, read.Encoding);
        if (!SummaryLength.TryParse(blob.RequestedLength, out var length, out var lengthError))
        {
            // A bad value never costs the article its summary: it gets the default length, and the log says why.
            LogBadLength(logger, name, lengthError!);
        }

        return new LoadedArticle(null, read, source, existing, length);
    }

    /// <summary>A current result written for an earlier upload of the same text names that upload's ETag. It is
    /// rewritten (no model call) to name this version, so listings that see only ETags (the backfill plan) agree
    /// with the hash. Returns the result as stored, or <c>null</c> when another writer changed it first: decide again.</summary>
    private async Task<SummaryDocument?> RefreshVersionAsync(
        string name, SummaryDocument current, SourceInfo source, string resultETag, CancellationToken cancellationToken)
    {
        if (string.Equals(current.Source.ETag, source.ETag, StringComparison.Ordinal))
        {
            LogAlreadyCurrent(logger, name, source.Sha256);
            return current;
        }

        var refreshed = current with { Source = source };
        try
        {
            if (!await store.TryWriteResultAsync(name, refreshed, resultETag, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            LogRefreshedVersion(logger, name, source.ETag);
            return refreshed;
        }
        catch (Exception exception) when (IsStorageFault(exception))
        {
            // The result is current either way; only the ETag it names lags. The next upload or backfill refreshes it.
            LogRefreshFailed(logger, exception, name);
            return current;
        }
    }

    private SummaryDocument? Pending(string name, string? sha256, SummaryLength length) =>
        pending.Find(name, sha256, summaries.Provider, summaries.PromptVersion) is { } found && (!found.IsOk || length.Matches(found.Length)) ? found : null;

    /// <summary>A document produced earlier for the same text (or, for text that was not decoded, the same
    /// version), restated for the version being written.</summary>
    private static SummaryDocument? Reusable(SummaryDocument? document, ArticleVersion version, SourceInfo source) =>
        document is not null && ResultClassifier.Describes(document.Source, version) ? document with { Source = source } : null;

    private async Task<bool> WriteKeepingOutputAsync(string name, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var written = await WriteWithRetryAsync(name, document, ifMatch, cancellationToken).ConfigureAwait(false);
            if (written)
            {
                pending.Forget(name, document.Source.Sha256, summaries.Provider, summaries.PromptVersion);
            }

            return written;
        }
        catch (Exception exception) when (IsStorageFault(exception) || exception is OperationCanceledException)
        {
            // Storage is still failing, or the host is stopping (the DevHost rebuilds itself after an outage, a
            // worker is recycled) while the write waits out its backoff: the next attempt here writes this output,
            // not a new one.
            pending.Keep(name, document, summaries.Provider, summaries.PromptVersion);
            LogKeptForRetry(logger, exception, name);
            throw;
        }
    }

    /// <summary>Writes conditionally; a storage fault (anything but the 409/412 of a lost race) is retried
    /// <see cref="WriteBackoff"/>.Count times with those pauses, then thrown.</summary>
    private async Task<bool> WriteWithRetryAsync(string name, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await store.TryWriteResultAsync(name, document, ifMatch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsStorageFault(exception) && attempt < WriteBackoff.Count)
            {
                LogWriteRetry(logger, name, attempt + 1, WriteBackoff[attempt].TotalSeconds, exception.Message);
                await Task.Delay(WriteBackoff[attempt], time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsStorageFault(Exception exception) =>
        exception is RequestFailedException or HttpRequestException or IOException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Name}: result documents are never summarised")]
    private static partial void LogSkippedResultBlob(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused article name {Name}: {Reason}")]
    private static partial void LogInvalidName(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: it no longer exists in this version")]
    private static partial void LogArticleGone(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: its result is current (sha256 {Sha256})")]
    private static partial void LogAlreadyCurrent(ILogger logger, string name, string? sha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "The result of {Name} is current for the same text uploaded again; it now names version {ETag}")]
    private static partial void LogRefreshedVersion(ILogger logger, string name, string? etag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of {Name} is current, but naming the new version in it failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored result of {Name} is not trusted and is treated as missing: {Problem}")]
    private static partial void LogUntrustedResult(ILogger logger, string name, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another run wrote the result of {Name} first; reloading to decide again")]
    private static partial void LogReloading(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped {Name}: the article changed after it was summarised, and the newer version has its own run")]
    private static partial void LogSuperseded(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped {Name}: other writers won the conditional write {Rounds} times in a row")]
    private static partial void LogGaveUpRounds(ILogger logger, string name, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the result of {Name} failed (attempt {Attempt}); retrying in {DelaySeconds} s: {Reason}")]
    private static partial void LogWriteRetry(ILogger logger, string name, int attempt, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the result of {Name} kept failing; the summary is kept (in this process and on disk) for the next attempt")]
    private static partial void LogKeptForRetry(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Wrote the result of {Name}: {Status} by {Provider} in {DurationMs} ms, {InputTokens} input and {OutputTokens} output tokens")]
    private static partial void LogWritten(ILogger logger, string name, string status, string provider, long durationMs, int? inputTokens, int? outputTokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "The trigger gave up on {Name} (version {ETag}) after its result could not be written; wrote the summary kept for it instead of a failure")]
    private static partial void LogWroteKeptOnPoison(ILogger logger, string name, string etag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded a failed result for {Name} (version {ETag}): {Reason}")]
    private static partial void LogRecordedFailure(ILogger logger, string name, string etag, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded no failure for {Name}: version {FailedETag} failed, but the article is now version {CurrentETag}, which has its own run")]
    private static partial void LogFailureOfOldVersion(ILogger logger, string name, string failedETag, string currentETag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded no failure for {Name}: the poison message does not name its state (scheduled attempt at {RetryAt}, none when empty)")]
    private static partial void LogFailureMoot(ILogger logger, string name, DateTimeOffset? retryAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded no failure for {Name}: a {Status} result for this version was written meanwhile")]
    private static partial void LogFailureAlreadyResolved(ILogger logger, string name, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model stayed unavailable for {Name}; attempt {Deferrals} is scheduled in {DelaySeconds} s: {Reason}")]
    private static partial void LogDeferred(ILogger logger, string name, int deferrals, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up scheduling {Name}: {Reason}")]
    private static partial void LogGaveUpRetries(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: its next attempt is already scheduled for {RetryAt}")]
    private static partial void LogAlreadyScheduled(ILogger logger, string name, DateTimeOffset? retryAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The result of {Name} names version {ETag} and is current: nothing to do, the article is not read")]
    private static partial void LogCurrentBeforeReading(ILogger logger, string name, string? etag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the scheduled attempt for {Name}: it was for version {ScheduledETag}, and the article is now version {CurrentETag}")]
    private static partial void LogScheduleSuperseded(ILogger logger, string name, string scheduledETag, string? currentETag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the scheduled attempt for {Name} due {RetryAt}: the stored result is {Status} (retryAt {StoredRetryAt}), not this schedule")]
    private static partial void LogScheduleMoot(ILogger logger, string name, DateTimeOffset retryAt, string status, DateTimeOffset? storedRetryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a retry-queue message that does not name an article of this container")]
    private static partial void LogIgnoredRetryMessage(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a poison-queue message that does not name an article of this container")]
    private static partial void LogIgnoredPoisonMessage(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a poison-queue message for {Name} without an ETag: the version that failed is unknown")]
    private static partial void LogPoisonWithoutETag(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored the summary_length metadata of {Name}; summarising at the default length: {Problem}")]
    private static partial void LogBadLength(ILogger logger, string name, string problem);

    private sealed record LoadedArticle(
        ProcessingOutcome? Outcome, ArticleReadResult? Read = null, SourceInfo? Source = null, StoredResult? Existing = null, SummaryLength? Length = null);
}
