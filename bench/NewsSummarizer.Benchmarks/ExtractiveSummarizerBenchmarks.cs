using BenchmarkDotNet.Attributes;
using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Benchmarks;

/// <summary>The extractive summariser on an EASC-sized Arabic article (~380 words) and one ten times longer.</summary>
[MemoryDiagnoser]
public class ExtractiveSummarizerBenchmarks : ExtractiveBenchmark
{
    private Article easc = null!;
    private Article easc10 = null!;

    [GlobalSetup]
    public void Setup()
    {
        easc = new Article(GeneratedArticle.Create(380, seed: 1), null, ArticleLanguage.Arabic);
        easc10 = new Article(GeneratedArticle.Create(3800, seed: 1), null, ArticleLanguage.Arabic);
    }

    [Benchmark(Baseline = true)]
    public SummaryContent Extractive_Easc380Words() => Summarize(easc);

    [Benchmark]
    public SummaryContent Extractive_Easc3800Words() => Summarize(easc10);

}
