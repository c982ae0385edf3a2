using NewsSummarizer.Articles;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing;

/// <summary>Turns a read article into a result document: the one place that decides between ok, rejected and failed
/// for both the blob trigger and the HTTP API.</summary>
public sealed class SummaryService(ISummarizer summarizer, TimeProvider time)
{
    public string Provider => summarizer.Provider;

    public string PromptVersion => summarizer.PromptVersion;

    /// <summary>Summarises an accepted article or records the rejection. Transient failures (network, throttling)
    /// propagate so the caller can retry.</summary>
    public async Task<SummaryDocument> CreateDocumentAsync(
        ArticleReadResult read, SourceInfo source, SummaryLength length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var started = time.GetTimestamp();
        if (!read.IsAccepted)
        {
            return Unsuccessful(SummaryStatus.Rejected, read.Rejection, ArticleLanguage.Other, source, started);
        }

        try
        {
            var content = await summarizer.SummarizeAsync(read.Article, length, cancellationToken).ConfigureAwait(false);
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
