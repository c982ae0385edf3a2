using Microsoft.Extensions.Logging;

namespace NewsSummarizer.Processing;

/// <summary>The log messages of one article's run through <see cref="ArticleProcessor"/> and its parts, written under
/// the processor's category.</summary>
internal static partial class ProcessingLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Name}: result documents are never summarised")]
    public static partial void LogSkippedResultBlob(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused article name {Name}: {Reason}")]
    public static partial void LogInvalidName(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: it no longer exists in this version")]
    public static partial void LogArticleGone(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: its result is current (sha256 {Sha256})")]
    public static partial void LogAlreadyCurrent(ILogger logger, string name, string? sha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "The result of {Name} is current for the same text uploaded again; it now names version {ETag}")]
    public static partial void LogRefreshedVersion(ILogger logger, string name, string? etag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of {Name} is current, but naming the new version in it failed")]
    public static partial void LogRefreshFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored result of {Name} is not trusted and is treated as missing: {Problem}")]
    public static partial void LogUntrustedResult(ILogger logger, string name, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another run wrote the result of {Name} first; reloading to decide again")]
    public static partial void LogReloading(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped {Name}: the article changed after it was summarised, and the newer version has its own run")]
    public static partial void LogSuperseded(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped {Name}: other writers won the conditional write {Rounds} times in a row")]
    public static partial void LogGaveUpRounds(ILogger logger, string name, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the result of {Name} failed (attempt {Attempt}); retrying in {DelaySeconds} s: {Reason}")]
    public static partial void LogWriteRetry(ILogger logger, string name, int attempt, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the result of {Name} kept failing; the summary is kept (in this process and on disk) for the next attempt")]
    public static partial void LogKeptForRetry(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Wrote the result of {Name}: {Status} by {Provider} in {DurationMs} ms, {InputTokens} input and {OutputTokens} output tokens")]
    public static partial void LogWritten(ILogger logger, string name, string status, string provider, long durationMs, int? inputTokens, int? outputTokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "The trigger gave up on {Name} (version {ETag}) after its result could not be written; wrote the summary kept for it instead of a failure")]
    public static partial void LogWroteKeptOnPoison(ILogger logger, string name, string etag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded a failed result for {Name} (version {ETag}): {Reason}")]
    public static partial void LogRecordedFailure(ILogger logger, string name, string etag, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded no failure for {Name}: version {FailedETag} failed, but the article is now version {CurrentETag}, which has its own run")]
    public static partial void LogFailureOfOldVersion(ILogger logger, string name, string failedETag, string currentETag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded no failure for {Name}: the poison message does not name its state (scheduled attempt at {RetryAt}, none when empty)")]
    public static partial void LogFailureMoot(ILogger logger, string name, DateTimeOffset? retryAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded no failure for {Name}: a {Status} result for this version was written meanwhile")]
    public static partial void LogFailureAlreadyResolved(ILogger logger, string name, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model stayed unavailable for {Name}; attempt {Deferrals} is scheduled in {DelaySeconds} s: {Reason}")]
    public static partial void LogDeferred(ILogger logger, string name, int deferrals, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up scheduling {Name}: {Reason}")]
    public static partial void LogGaveUpRetries(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: its next attempt is already scheduled for {RetryAt}")]
    public static partial void LogAlreadyScheduled(ILogger logger, string name, DateTimeOffset? retryAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Name}: version {ETag} was listed without a result and has one by now ({Status}); the article is not read")]
    public static partial void LogAnsweredSinceListing(ILogger logger, string name, string etag, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The result of {Name} names version {ETag} and is current: nothing to do, the article is not read")]
    public static partial void LogCurrentBeforeReading(ILogger logger, string name, string? etag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the scheduled attempt for {Name}: it was for version {ScheduledETag}, and the article is now version {CurrentETag}")]
    public static partial void LogScheduleSuperseded(ILogger logger, string name, string scheduledETag, string? currentETag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the scheduled attempt for {Name} due {RetryAt}: the stored result is {Status} (retryAt {StoredRetryAt}), not this schedule")]
    public static partial void LogScheduleMoot(ILogger logger, string name, DateTimeOffset retryAt, string status, DateTimeOffset? storedRetryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a retry-queue message that does not name an article of this container")]
    public static partial void LogIgnoredRetryMessage(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a poison-queue message that does not name an article of this container")]
    public static partial void LogIgnoredPoisonMessage(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a poison-queue message for {Name} without an ETag: the version that failed is unknown")]
    public static partial void LogPoisonWithoutETag(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored the summary_length metadata of {Name}; summarising at the default length: {Problem}")]
    public static partial void LogBadLength(ILogger logger, string name, string problem);
}
