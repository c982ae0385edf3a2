using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using NewsSummarizer.Telemetry;

namespace NewsSummarizer.Processing;

/// <summary>The blob path: read → hash → skip if current → summarise → write beside the article (conditionally).</summary>
public sealed partial class ArticleProcessor(
    IArticleStore store,
    ArticleReader reader,
    SummaryService summaries,
    IOptions<SummarizerOptions> options,
    SummarizerTelemetry telemetry,
    ILogger<ArticleProcessor> logger)
{
    // Two deliveries of one article in this process (a trigger retry, the DevHost's sweep, an HTTP backfill) run one
    // after the other, so the second sees the first's result as current instead of calling the model again.
    // Across instances the conditional write decides.
    private readonly KeyedLock articleLocks = new();

    public async Task<ProcessingOutcome> ProcessAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var held = await articleLocks.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        using var activity = SummarizerTelemetry.StartArticle("SummarizeArticle", name);
        var state = await LoadAsync(name, cancellationToken).ConfigureAwait(false);
        if (state.Outcome is { } early)
        {
            activity?.SetTag("newssummarizer.outcome", early.Result.ToString());
            return early;
        }

        var document = await summaries.CreateDocumentAsync(state.Read!, state.Source!, SummaryLength.Default, cancellationToken)
            .ConfigureAwait(false);
        return await WriteAsync(name, document, state.Existing, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the trigger gave up on an article (poison): a <c>failed</c> result says why, unless a
    /// result for the current content was written meanwhile.</summary>
    public async Task<ProcessingOutcome> RecordFailureAsync(string name, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var held = await articleLocks.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        using var activity = SummarizerTelemetry.StartArticle("RecordArticleFailure", name);
        var state = await LoadAsync(name, cancellationToken).ConfigureAwait(false);
        if (state.Outcome is { } early)
        {
            return early;
        }

        LogRecordedFailure(logger, name, reason);
        var document = summaries.Failed(new ErrorInfo("retries-exhausted", reason), state.Source!);
        return await WriteAsync(name, document, state.Existing, activity, cancellationToken).ConfigureAwait(false);
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

        return RecordFailureAsync(
            poison.BlobName!,
            "Summarising the article failed on every attempt the trigger made (for example the model stayed unavailable " +
            "or throttled). Upload the article again or run `newsum backfill --only failed` to retry.",
            cancellationToken);
    }

    private async Task<LoadedArticle> LoadAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (SummaryBlobNames.IsResult(name))
        {
            LogSkippedResultBlob(logger, name);
            return new LoadedArticle(new ProcessingOutcome(ProcessingResult.SkippedResultBlob));
        }

        // The stored result is fetched while the article downloads: two storage round trips in parallel, not in a row.
        var maxBytes = options.Value.MaxArticleBytes;
        var blobTask = store.GetArticleAsync(name, maxBytes, cancellationToken);
        var existingTask = store.GetResultAsync(name, cancellationToken);
        await Task.WhenAll(blobTask, existingTask).ConfigureAwait(false);
        var blob = await blobTask.ConfigureAwait(false);
        if (blob is null)
        {
            LogArticleGone(logger, name);
            return new LoadedArticle(new ProcessingOutcome(ProcessingResult.ArticleGone));
        }

        var read = blob.Content is { } content ? reader.Read(content.Span, blob.Name, blob.ContentType) : ArticleReader.TooLarge(blob.Bytes, maxBytes);
        var existing = await existingTask.ConfigureAwait(false);
        if (summaries.IsCurrent(existing?.Document, read.Sha256, blob.ETag))
        {
            LogAlreadyCurrent(logger, name, read.Sha256);
            return new LoadedArticle(new ProcessingOutcome(ProcessingResult.AlreadyCurrent, existing!.Document));
        }

        var source = new SourceInfo(blob.Container, blob.Name, blob.ETag, read.Sha256, blob.ContentType, blob.Bytes, read.Encoding);
        return new LoadedArticle(null, read, source, existing);
    }

    private async Task<ProcessingOutcome> WriteAsync(
        string name, SummaryDocument document, StoredResult? existing, Activity? activity, CancellationToken cancellationToken)
    {
        if (!await store.TryWriteResultAsync(name, document, existing?.ETag, cancellationToken).ConfigureAwait(false))
        {
            LogLostRace(logger, name);
            return new ProcessingOutcome(ProcessingResult.LostRace);
        }

        telemetry.RecordResult(activity, document);
        LogWritten(logger, name, document.Status, document.Model.Provider, document.DurationMs, document.Model.InputTokens, document.Model.OutputTokens);
        return new ProcessingOutcome(ProcessingResult.Written, document);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Name}: result documents are never summarised")]
    private static partial void LogSkippedResultBlob(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: it no longer exists in this version")]
    private static partial void LogArticleGone(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Name}: its result is current (sha256 {Sha256})")]
    private static partial void LogAlreadyCurrent(ILogger logger, string name, string? sha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped writing {Name}: another run wrote its result first")]
    private static partial void LogLostRace(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Wrote the result of {Name}: {Status} by {Provider} in {DurationMs} ms, {InputTokens} input and {OutputTokens} output tokens")]
    private static partial void LogWritten(ILogger logger, string name, string status, string provider, long durationMs, int? inputTokens, int? outputTokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded a failed result for {Name}: {Reason}")]
    private static partial void LogRecordedFailure(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a poison-queue message that does not name an article of this container")]
    private static partial void LogIgnoredPoisonMessage(ILogger logger);

    private sealed record LoadedArticle(
        ProcessingOutcome? Outcome, ArticleReadResult? Read = null, SourceInfo? Source = null, StoredResult? Existing = null);
}
