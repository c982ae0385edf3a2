using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using NewsSummarizer.Telemetry;
using static NewsSummarizer.Processing.ProcessingLog;

namespace NewsSummarizer.Processing;

/// <summary>One round of a run that has something to do: the summary, reused when an earlier round or a kept output
/// describes this text, else from the model (deferred when it is unavailable), then written beside the article.</summary>
internal sealed class SummaryStep(SummaryService summaries, ResultWriter writer, Deferral deferral, SummarizerTelemetry telemetry, ILogger logger)
{
    /// <summary>The outcome when the round ends the run; else the output to keep for the next round.</summary>
    public async Task<(ProcessingOutcome? Outcome, SummaryDocument? Produced)> SummarizeAndWriteAsync(
        string name, LoadedArticle article, RetryMessage? retry, SummaryDocument? produced, Activity? activity, CancellationToken cancellationToken)
    {
        var (read, source) = (article.Read, article.Source);
        var version = new ArticleVersion(source.ETag, read.Sha256);
        var document = Reusable(produced, version, source) ?? Reusable(writer.Kept(name, read.Sha256, article.Length), version, source);
        if (document is null)
        {
            if (produced is not null)
            {
                // What this run summarised is no longer the article: the newer version has its own run.
                LogSuperseded(logger, name);
                return (new ProcessingOutcome(ProcessingResult.Superseded), null);
            }

            try
            {
                document = await summaries.CreateDocumentAsync(read, source, article.Length, ModelFallback.Never, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelUnavailableException exception)
            {
                return (await deferral.DeferAsync(name, article, retry, exception, activity, cancellationToken).ConfigureAwait(false), null);
            }
        }

        if (!await writer.WriteKeepingOutputAsync(name, document, article.Existing?.ETag, cancellationToken).ConfigureAwait(false))
        {
            return (null, document);
        }

        telemetry.RecordResult(activity, document);
        LogWritten(logger, name, WireNames.Of(document.Status), document.Model.Provider.Name, document.DurationMs, document.Model.InputTokens, document.Model.OutputTokens);
        return (new ProcessingOutcome(ProcessingResult.Written, document), null);
    }

    /// <summary>A document produced earlier for the same text (or, for text that was not decoded, the same
    /// version), restated for the version being written.</summary>
    private static SummaryDocument? Reusable(SummaryDocument? document, ArticleVersion version, SourceInfo source) =>
        document is not null && ResultClassifier.Describes(document.Source, version) ? document with { Source = source } : null;
}
