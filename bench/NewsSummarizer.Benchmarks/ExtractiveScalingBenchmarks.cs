namespace NewsSummarizer.Benchmarks;

/// <summary>The summariser from an EASC-sized article to one a hundred times longer (generated like the pair in
/// <see cref="ExtractiveSummarizerBenchmarks"/>): the mean divided by the words is the cost per word, which stays
/// flat when the cost is linear in the article's length.</summary>
[MemoryDiagnoser]
public class ExtractiveScalingBenchmarks : ExtractiveBenchmark
{
    private Article article = null!;

    [Params(380, 1900, 3800, 7600, 38000)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup() => article = new Article(GeneratedArticle.Create(Words, seed: 1), null, ArticleLanguage.Arabic);

    [Benchmark]
    public SummaryContent Extractive() => Summarize(article);
}
