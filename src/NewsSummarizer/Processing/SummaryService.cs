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

    /// <summary>A stored result is current when it describes the same content (its hash, or the same blob version
    /// when the content could not be decoded) from this provider and prompt version, and is not a failure.
    /// A current result is never summarised again: no model call.</summary>
    public bool IsCurrent(SummaryDocument? stored, string? sha256, string? etag)
    {
        if (stored is null || stored.Status == SummaryStatus.Failed ||
            stored.Model.Provider != Provider || stored.Model.PromptVersion != PromptVersion)
        {
            return false;
        }

        return sha256 is not null ? stored.Source.Sha256 == sha256 : etag is not null && stored.Source.ETag == etag;
    }

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
            // A reply the model could not get right is a failure of this attempt; anything else is about the input.
            var status = exception.Code == "invalid-model-reply" ? SummaryStatus.Failed : SummaryStatus.Rejected;
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
    }

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
