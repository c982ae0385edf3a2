using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Articles;
using NewsSummarizer.Hosting;
using NewsSummarizer.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsSummarizer.Tests.Telemetry;

public sealed class SummarizerTelemetryTests
{
    // The activity source is process-wide and other tests run in parallel: a name of our own tells our spans apart.
    private readonly string name = $"telemetry-{Guid.NewGuid():N}.txt";
    private readonly string provider = $"Provider-{Guid.NewGuid():N}";
    private readonly List<Activity> spans = [];
    private readonly List<Metric> metrics = [];

    [Fact]
    public async Task ProcessAsync_ArticleSummarised_EmitsArticleSpanAndMetrics()
    {
        await using var services = CreateSut();
        var tracer = services.GetRequiredService<TracerProvider>();
        var meter = services.GetRequiredService<MeterProvider>();

        await services.GetRequiredService<ArticleProcessor>().ProcessAsync(name, CancellationToken.None);
        tracer.ForceFlush();
        meter.ForceFlush();

        var span = Assert.Single(OurSpans(), s => s.OperationName == "SummarizeArticle");
        Assert.Equal("ok", span.GetTagItem("newssummarizer.status"));
        Assert.Equal(provider, span.GetTagItem("newssummarizer.provider"));
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

        await services.GetRequiredService<ArticleProcessor>().ProcessAsync(name, CancellationToken.None);
        tracer.ForceFlush();

        var tags = string.Join('\n', OurSpans().SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString()));
        Assert.DoesNotContain("council", tags, StringComparison.Ordinal);
    }

    private List<Activity> OurSpans()
    {
        lock (spans)
        {
            return [.. spans.Where(s => Equals(s.GetTagItem("newssummarizer.article.name"), name))];
        }
    }

    private Metric? Metric(string metricName) => metrics.LastOrDefault(m => m.Name == metricName);

    // Meters are process-wide too: count only the points tagged with this test's provider.
    private long Sum(Metric? metric)
    {
        Assert.NotNull(metric);
        long total = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                if (tag.Key == "newssummarizer.provider" && Equals(tag.Value, provider))
                {
                    total += point.GetSumLong();
                }
            }
        }

        return total;
    }

    private ServiceProvider CreateSut()
    {
        var store = new Mock<IArticleStore>();
        var bytes = Encoding.UTF8.GetBytes(TestData.EnglishArticle);
        store.SetupGet(s => s.Container).Returns("articles");
        store.Setup(s => s.GetArticleAsync(name, It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ArticleBlob("articles", name, "\"1\"", "text/plain", bytes.Length, bytes));
        store.Setup(s => s.TryWriteResultAsync(It.IsAny<string>(), It.IsAny<SummaryDocument>(), null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        var summarizer = new Mock<ISummarizer>();
        summarizer.SetupGet(s => s.Provider).Returns(ModelProvider.Parse(provider));
        summarizer.SetupGet(s => s.PromptVersion).Returns("bilingual-1");
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestData.ModelContent(provider, model: "gpt", inputTokens: 120, outputTokens: 30));

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
