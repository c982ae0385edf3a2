using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsSummarizer.Processing;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Storage;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Telemetry;

namespace NewsSummarizer.Testing;

/// <summary>The processor and summary service as the host wires them, over a test store and summariser: one copy for
/// every processor test, unit and integration.</summary>
public static class TestProcessors
{
    public static SummaryService Summaries(ISummarizer summarizer, IOptions<SummarizerOptions> options, TimeProvider time) =>
        new(summarizer, new ExtractiveSummarizer(), options, time, NullLogger<SummaryService>.Instance);

    /// <summary>Telemetry over a meter factory of its own.</summary>
    public static SummarizerTelemetry Telemetry() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    /// <summary>A processor; the retry queue drops what it is given and the planner has default settings unless
    /// given.</summary>
    public static ArticleProcessor Create(
        IArticleStore store, SummaryService summaries, IOptions<SummarizerOptions> options, TimeProvider time,
        IRetryQueue? retryQueue = null, RetryPlanner? planner = null, PendingResults? pending = null) => new(
            store,
            TestReaders.InProcess(options),
            summaries,
            Telemetry(),
            time,
            NullLogger<ArticleProcessor>.Instance,
            retryQueue ?? new DroppingRetryQueue(),
            planner ?? new RetryPlanner(Options.Create(new ArticleRetryOptions()), time),
            pending ?? new PendingResults(time));

    private sealed class DroppingRetryQueue : IRetryQueue
    {
        public Task ScheduleAsync(string message, TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
