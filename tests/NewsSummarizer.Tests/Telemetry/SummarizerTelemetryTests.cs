using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using NewsSummarizer.Articles;
using NewsSummarizer.Hosting;
using NewsSummarizer.Processing;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using NewsSummarizer.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsSummarizer.Tests.Telemetry;

public sealed class SummarizerTelemetryTests
{
    private readonly List<Activity> spans = [];
    private readonly List<Metric> metrics = [];

    [Fact]
    public async Task ProcessAsync_ArticleSummarised_EmitsArticleSpanAndMetrics()
    {
        await using var services = CreateSut();
        var tracer = services.GetRequiredService<TracerProvider>();
        var meter = services.GetRequiredService<MeterProvider>();

        await services.GetRequiredService<ArticleProcessor>().ProcessAsync("a.txt", CancellationToken.None);
        tracer.ForceFlush();
        meter.ForceFlush();

        var span = Assert.Single(spans, s => s.OperationName == "SummarizeArticle");
        Assert.Equal("a.txt", span.GetTagItem("newssummarizer.article.name"));
        Assert.Equal("ok", span.GetTagItem("newssummarizer.status"));
        Assert.Equal("AzureOpenAI", span.GetTagItem("newssummarizer.provider"));
        Assert.Equal(ArticleText.Sha256(ArticleText.Normalize(TestData.EnglishArticle)), span.GetTagItem("newssummarizer.article.sha256"));
        Assert.Equal(1, Sum(Metric("newssummarizer.articles")));
        Assert.Equal(120, Sum(Metric("newssummarizer.model.input_tokens")));
        Assert.Equal(30, Sum(Metric("newssummarizer.model.output_tokens")));
        Assert.NotNull(Metric("newssummarizer.model.duration"));
    }

    [Fact]
    public async Task ProcessAsync_AnyArticle_PutsNoArticleTextOnTheSpan()
    {
        await using var services = CreateSut();
        var tracer = services.GetRequiredService<TracerProvider>();

        await services.GetRequiredService<ArticleProcessor>().ProcessAsync("a.txt", CancellationToken.None);
        tracer.ForceFlush();

        var tags = string.Join('\n', spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString()));
        Assert.DoesNotContain("council", tags, StringComparison.Ordinal);
    }

    private Metric? Metric(string name) => metrics.LastOrDefault(m => m.Name == name);

    private static long Sum(Metric? metric)
    {
        Assert.NotNull(metric);
        long total = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            total += point.GetSumLong();
        }

        return total;
    }

    private ServiceProvider CreateSut()
    {
        var store = new Mock<IArticleStore>();
        var bytes = Encoding.UTF8.GetBytes(TestData.EnglishArticle);
        store.SetupGet(s => s.Container).Returns("articles");
        store.Setup(s => s.GetArticleAsync("a.txt", It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ArticleBlob("articles", "a.txt", "\"1\"", "text/plain", bytes.Length, bytes));
        store.Setup(s => s.TryWriteResultAsync(It.IsAny<string>(), It.IsAny<SummaryDocument>(), null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        var summarizer = new Mock<ISummarizer>();
        summarizer.SetupGet(s => s.Provider).Returns("AzureOpenAI");
        summarizer.SetupGet(s => s.PromptVersion).Returns("bilingual-1");
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SummaryContent(
                new LocalizedText("عنوان", "Title"), new LocalizedText("ملخص", "Summary"), new LocalizedList(["نقطة"], ["Point"]),
                new ModelUsage("AzureOpenAI", "gpt", "bilingual-1", 120, 30), [], null));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(store.Object)
            .AddSingleton(summarizer.Object)
            .AddNewsSummarizer(configuration);
        services.AddNewsSummarizerTelemetry(configuration)
            .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
            .WithMetrics(meters => meters.AddInMemoryExporter(metrics));
        return services.BuildServiceProvider();
    }
}
