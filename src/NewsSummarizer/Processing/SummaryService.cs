using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Processing;

/// <summary>Turns a read article into a result document: the one place that decides between ok, rejected and failed
/// for both the blob trigger and the HTTP API.</summary>
public sealed partial class SummaryService(
    ISummarizer summarizer,
    ExtractiveSummarizer extractive,
    IOptions<SummarizerOptions> options,
    TimeProvider time,
    ILogger<SummaryService> logger)
{
    /// <summary><c>model.provider</c> of an extractive result written because the model was unavailable. It is
    /// never current for the model provider, so the next trigger or <c>newsum backfill</c> replaces it.</summary>
    public const string FallbackProvider = "Extractive (fallback)";

    public string Provider => summarizer.Provider;

    public string PromptVersion => summarizer.PromptVersion;

    /// <summary>The state of a stored result against the article (its text's hash when read, else its ETag), from
    /// this service's provider and prompt version. See <see cref="ResultClassifier"/>.</summary>
    public ResultState Classify(SummaryDocument? stored, string? sha256, string? etag) =>
        ResultClassifier.Classify(stored, new ArticleVersion(etag, sha256), Provider, PromptVersion);

    /// <summary>A current result is never summarised again: no model call.</summary>
    public bool IsCurrent(SummaryDocument? stored, string? sha256, string? etag) =>
        Classify(stored, sha256, etag) == ResultState.Current;

    /// <summary>Summarises an accepted article or records the rejection. Transient failures (network, throttling)
    /// propagate so the caller can retry.</summary>
    public async Task<SummaryDocument> CreateDocumentAsync(
        ArticleReadResult read, SourceInfo source, SummaryLength length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        source = source with { Format = read.Format ?? source.Format };
        var started = time.GetTimestamp();
        if (!read.IsAccepted)
        {
            return Unsuccessful(SummaryStatus.Rejected, read.Rejection, ArticleLanguage.Other, source, started);
        }

        try
        {
            var content = await SummarizeWithFallbackAsync(read.Article, length, cancellationToken).ConfigureAwait(false);
            return new SummaryDocument
            {
                Status = SummaryStatus.Ok,
                Language = read.Article.Language,
                Title = content.Title,
                Summary = content.Summary,
                KeyPoints = content.KeyPoints,
                Source = source,
                Model = content.Model,
                DurationMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
                CreatedAt = time.GetUtcNow(),
                Unavailable = content.Unavailable,
                UnavailableReason = content.UnavailableReason,
            };
        }
        catch (SummarizationException exception)
        {
            // Final at once, never thrown to the trigger (whose retries would repeat the same refusal): rejected when
            // the input will never pass (a content filter, an empty text), failed when the model or its configuration
            // failed (a backfill retries it once the setting the message names is changed).
            var status = exception.RejectsInput ? SummaryStatus.Rejected : SummaryStatus.Failed;
            return Unsuccessful(status, new ErrorInfo(exception.Code, exception.Message), read.Article.Language, source, started);
        }
    }

    private async Task<SummaryContent> SummarizeWithFallbackAsync(Article article, SummaryLength length, CancellationToken cancellationToken)
    {
        try
        {
            return await summarizer.SummarizeAsync(article, length, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelUnavailableException exception) when (options.Value.FallbackToExtractive && summarizer != extractive)
        {
            LogFallback(logger, summarizer.Provider, exception.Message);
            var content = await extractive.SummarizeAsync(article, length, cancellationToken).ConfigureAwait(false);
            return content with
            {
                Model = content.Model with { Provider = FallbackProvider },
                UnavailableReason = $"The {summarizer.Provider} model was unavailable ({exception.Message}), so this is the offline " +
                    "extractive summary in the article's own language. It is replaced when the model is back: on the next upload, " +
                    "or with `newsum backfill --only fallback`.",
            };
        }
        catch (SummarizationException exception) when (exception.Code == ModelErrorCodes.ContentFiltered &&
            options.Value.FallbackToExtractive && summarizer != extractive)
        {
            LogFilteredFallback(logger, summarizer.Provider, exception.Message);
            var content = await extractive.SummarizeAsync(article, length, cancellationToken).ConfigureAwait(false);
            return content with
            {
                Model = content.Model with { Provider = FallbackProvider },
                UnavailableReason = $"The {summarizer.Provider} model refused this article: {exception.Message} " +
                    "So this is the offline extractive summary in the article's own language.",
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}'s content filter blocked the article ({Reason}); writing the extractive fallback")]
    private static partial void LogFilteredFallback(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} stayed unavailable ({Reason}); writing the extractive fallback")]
    private static partial void LogFallback(ILogger logger, string provider, string reason);

    /// <summary>A <c>failed</c> document for an article whose retries are exhausted.</summary>
    public SummaryDocument Failed(ErrorInfo error, SourceInfo source) =>
        Unsuccessful(SummaryStatus.Failed, error, ArticleLanguage.Other, source, time.GetTimestamp());

    private SummaryDocument Unsuccessful(string status, ErrorInfo error, string language, SourceInfo source, long started) => new()
    {
        Status = status,
        Language = language,
        Source = source,
        Model = new ModelUsage(summarizer.Provider, string.Empty, summarizer.PromptVersion, null, null),
        DurationMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
        CreatedAt = time.GetUtcNow(),
        Error = error,
    };
}
