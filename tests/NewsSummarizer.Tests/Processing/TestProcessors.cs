using NewsSummarizer.Articles;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Tests.Processing;

/// <summary>The processor and summary service as the host wires them, over a test store and summariser: one copy for
/// every processor test class.</summary>
internal static class TestProcessors
{
    public static SummaryService Summaries(ISummarizer summarizer, IOptions<SummarizerOptions> options, TimeProvider time) =>
        new(summarizer, new ExtractiveSummarizer(), options, time, NullLogger<SummaryService>.Instance);

    /// <summary>A processor; the retry queue is a do-nothing mock and the planner has default settings unless given.</summary>
    public static ArticleProcessor Create(
        IArticleStore store, SummaryService summaries, IOptions<SummarizerOptions> options, TimeProvider time,
        IRetryQueue? retryQueue = null, RetryPlanner? planner = null) => new(
            store,
            new ArticleReader(options),
            summaries,
            options,
            TestData.Telemetry(),
            time,
            NullLogger<ArticleProcessor>.Instance,
            retryQueue ?? new Mock<IRetryQueue>().Object,
            planner ?? new RetryPlanner(Options.Create(new ArticleRetryOptions()), time));
}
