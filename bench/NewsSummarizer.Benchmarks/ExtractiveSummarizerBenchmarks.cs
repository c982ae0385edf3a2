using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Benchmarks;

/// <summary>The extractive summariser on an EASC-sized Arabic article (~380 words) and one ten times longer, with
/// today's settings and with extractive-4's (lead bias 4, paragraph bonus 0.3, length exponent 0.15, no MMR), so
/// one run gives the cost of the cross-validated settings (MMR on) side by side.</summary>
[MemoryDiagnoser]
public class ExtractiveSummarizerBenchmarks : ExtractiveBenchmark
{
    private Article easc = null!;
    private Article easc10 = null!;

    private readonly ExtractiveSummarizer extractive4 = new(ExtractiveOptions.Default with
    {
        PositionWeight = 4,
        RemainingWeight = 0,
        WordTargetShare = 0.9,
        CountSpread = 2,
        MmrLambda = 1,
    });

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

    [Benchmark]
    public SummaryContent Extractive4Settings_Easc380Words() => Summarize(extractive4, easc);

    [Benchmark]
    public SummaryContent Extractive4Settings_Easc3800Words() => Summarize(extractive4, easc10);
}
