using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Benchmarks;

/// <summary>What the extractive benchmarks share: one summariser with the service's defaults, asked for the service's
/// default length (3 sentences, title and key points), as the blob trigger does per article.</summary>
public abstract class ExtractiveBenchmark
{
    private readonly ExtractiveSummarizer summarizer = new();

    // The summariser completes synchronously; waiting on its task costs nothing.
    protected SummaryContent Summarize(Article article) => Summarize(summarizer, article);

    protected static SummaryContent Summarize(ExtractiveSummarizer summarizer, Article article) =>
        summarizer.SummarizeAsync(article, SummaryLength.Default, CancellationToken.None).GetAwaiter().GetResult();
}
