using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NewsSummarizer.Articles;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using NewsSummarizer.Telemetry;
using static NewsSummarizer.Processing.ProcessingLog;

namespace NewsSummarizer.Processing;

/// <summary>What happens when the model stays unavailable: the next attempt is scheduled on the retry queue and a
/// <c>waiting</c> result says when, or, once <see cref="RetryPlanner"/> gives up, the final result is written.</summary>
internal sealed class Deferral(
    IArticleStore store, IRetryQueue retries, RetryPlanner planner, SummaryService summaries, ResultWriter writer, SummarizerTelemetry telemetry, ILogger logger)
{
    /// <summary>Schedules the next attempt and writes the <c>waiting</c> marker, or, when the deferral budget is spent,
    /// the extractive fallback (if enabled) or a <c>failed</c> result with the history. <c>null</c>: another writer
    /// changed the result first, so decide again.</summary>
    public async Task<ProcessingOutcome?> DeferAsync(
        string name, LoadedArticle article, RetryMessage? retry, ModelUnavailableException failure, Activity? activity, CancellationToken cancellationToken)
    {
        var (read, source, ifMatch) = (article.Read, article.Source, article.Existing?.ETag);
        var decision = planner.Decide(store.Container, name, source.ETag!, retry, failure);
        if (decision is ScheduleRetry schedule)
        {
            var message = schedule.Message;
            // The message goes first: a marker without a message would wait for nothing, while a message whose
            // marker was not written finds no schedule of its own and does nothing (the trigger's retry takes over).
            await retries.ScheduleAsync(message.ToJson(), schedule.Delay, cancellationToken).ConfigureAwait(false);
            var waiting = summaries.Waiting(
                $"{failure.Message} Attempt {message.Deferrals} failed; the next is scheduled for {message.RetryAt:O}.",
                source,
                message.RetryAt,
                read.Article?.Language ?? ArticleLanguage.Other);
            if (!await writer.WriteAsync(name, waiting, ifMatch, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            LogDeferred(logger, name, message.Deferrals, schedule.Delay.TotalSeconds, failure.Message);
            return new ProcessingOutcome(ProcessingResult.Deferred, waiting);
        }

        var reason = ((GiveUp)decision).Reason;
        LogGaveUpRetries(logger, name, reason);
        var final = await summaries.CreateFallbackDocumentAsync(read, source, article.Length, reason, cancellationToken).ConfigureAwait(false)
            ?? summaries.Failed(Failure.Failed(FailureCodes.RetriesExhausted, reason), source);
        if (!await writer.WriteKeepingOutputAsync(name, final, ifMatch, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        telemetry.RecordResult(activity, final);
        return new ProcessingOutcome(ProcessingResult.Written, final);
    }
}
