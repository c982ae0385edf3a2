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
    public ModelProvider Provider => summarizer.Provider;

    public string PromptVersion => summarizer.PromptVersion;

    /// <summary>The state of a stored result against the article (its text's hash when read, else its ETag), from
    /// this service's provider and prompt version. See <see cref="ResultClassifier"/>.</summary>
    public ResultState Classify(SummaryDocument? stored, string? sha256, string? etag, SummaryLength? length = null) =>
        ResultClassifier.Classify(stored, new ArticleVersion(etag, sha256), Provider, PromptVersion, length);

    /// <summary>Summarises an accepted article or records the rejection. Transient failures (network, throttling)
    /// propagate so the caller can retry.</summary>
    public Task<SummaryDocument> CreateDocumentAsync(
        ArticleReadResult read, SourceInfo source, SummaryLength length, CancellationToken cancellationToken) =>
        CreateDocumentAsync(read, source, length, ModelFallback.WhenUnavailable, cancellationToken);

    /// <param name="fallback"><see cref="ModelFallback.Never"/>: a model that stays unavailable throws
    /// <see cref="ModelUnavailableException"/> even with <c>Summarizer__FallbackToExtractive</c> on, so the blob path
    /// can schedule a later attempt first (the fallback comes when those are spent: <see cref="CreateFallbackDocumentAsync"/>).</param>
    public async Task<SummaryDocument> CreateDocumentAsync(
        ArticleReadResult read, SourceInfo source, SummaryLength length, ModelFallback fallback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        source = source with { Format = read.Format ?? source.Format };
        var started = time.GetTimestamp();
        if (!read.IsAccepted)
        {
            return Unsuccessful(read.Rejection, ArticleLanguage.Other, source, started);
        }

        try
        {
            var content = await SummarizeWithFallbackAsync(read.Article, length, fallback, cancellationToken).ConfigureAwait(false);
            return Ok(read, source, content, started) with { Length = length.Label };
        }
        catch (SummarizationException exception)
        {
            // Final at once, never thrown to the trigger (whose retries would repeat the same refusal): rejected when
            // the input will never pass (a content filter, an empty text), failed when the model or its configuration
            // failed (a backfill retries it once the setting the message names is changed).
            return Unsuccessful(exception.Failure, read.Article.Language, source, started);
        }
    }

    /// <summary>The extractive fallback for an accepted article whose scheduled attempts are spent (no model call),
    /// or <c>null</c> when the fallback is off (or the extractive summariser is the provider).</summary>
    public async Task<SummaryDocument?> CreateFallbackDocumentAsync(
        ArticleReadResult read, SourceInfo source, SummaryLength length, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!read.IsAccepted || !FallsBack)
        {
            return null;
        }

        var started = time.GetTimestamp();
        LogFallback(logger, summarizer.Provider.Name, reason);
        var content = await FallbackAsync(read.Article, length, reason, cancellationToken).ConfigureAwait(false);
        return Ok(read, source, content, started) with { Length = length.Label };
    }

    /// <summary>The marker written beside an article while its next attempt waits on the retry queue: status
    /// <c>waiting</c>, when it is due and why. Never current, so any later run replaces it.</summary>
    public SummaryDocument Waiting(string message, SourceInfo source, DateTimeOffset retryAt, ArticleLanguage language) =>
        Unsuccessful(new Failure(ModelErrorCodes.Unavailable, Disposition.Transient, message), language, source, time.GetTimestamp()) with { RetryAt = retryAt };

    private SummaryDocument Ok(ArticleReadResult read, SourceInfo source, SummaryContent content, long started) => new()
    {
        Status = SummaryStatus.Ok,
        Language = read.Article!.Language,
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

    /// <summary>The one fallback policy, for the API and the blob path alike: the extractive summary stands in for the
    /// configured model when <c>Summarizer__FallbackToExtractive</c> is on and the model is not itself extractive.</summary>
    private bool FallsBack => options.Value.FallbackToExtractive && summarizer != extractive;

    private Task<SummaryContent> FallbackAsync(Article article, SummaryLength length, string reason, CancellationToken cancellationToken) =>
        ExtractiveInsteadAsync(
            article,
            length,
            $"The {summarizer.Provider} model was unavailable ({reason}), so this is the offline " +
                "extractive summary in the article's own language. It is replaced when the model is back: on the next upload, " +
                "or with `newsum backfill --only fallback`.",
            cancellationToken);

    // The extractive summary, marked as the fallback with the reason the reader sees.
    private async Task<SummaryContent> ExtractiveInsteadAsync(Article article, SummaryLength length, string why, CancellationToken cancellationToken)
    {
        var content = await extractive.SummarizeAsync(article, length, cancellationToken).ConfigureAwait(false);
        return content with { Model = content.Model with { Provider = ModelProvider.ExtractiveFallback }, UnavailableReason = why };
    }

    private async Task<SummaryContent> SummarizeWithFallbackAsync(Article article, SummaryLength length, ModelFallback fallback, CancellationToken cancellationToken)
    {
        try
        {
            return await summarizer.SummarizeAsync(article, length, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelUnavailableException exception) when (fallback == ModelFallback.WhenUnavailable && FallsBack)
        {
            LogFallback(logger, summarizer.Provider.Name, exception.Message);
            return await FallbackAsync(article, length, exception.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (SummarizationException exception) when (exception.Code == ModelErrorCodes.ContentFiltered && FallsBack)
        {
            LogFilteredFallback(logger, summarizer.Provider.Name, exception.Message);
            return await ExtractiveInsteadAsync(
                article,
                length,
                $"The {summarizer.Provider} model refused this article: {exception.Message} " +
                    "So this is the offline extractive summary in the article's own language.",
                cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}'s content filter blocked the article ({Reason}); writing the extractive fallback")]
    private static partial void LogFilteredFallback(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} stayed unavailable ({Reason}); writing the extractive fallback")]
    private static partial void LogFallback(ILogger logger, string provider, string reason);

    /// <summary>The result that records <paramref name="failure"/> without reading the article (its status is the
    /// failure's: a <c>failed</c> result when retries are exhausted).</summary>
    public SummaryDocument Failed(Failure failure, SourceInfo source) =>
        Unsuccessful(failure, ArticleLanguage.Other, source, time.GetTimestamp());

    private SummaryDocument Unsuccessful(Failure failure, ArticleLanguage language, SourceInfo source, long started) => new()
    {
        Status = failure.Status,
        Language = language,
        Source = source,
        Model = new ModelUsage(Provider, string.Empty, summarizer.PromptVersion, null, null),
        DurationMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
        CreatedAt = time.GetUtcNow(),
        Error = failure.ToError(),
    };
}
