using NewsSummarizer.Evaluation;

namespace NewsSummarizer.Benchmarks;

/// <summary>How the summariser scales on real text: ten EASC dev articles summarised one by one against the same
/// ten joined into one article (about 4,000 words, 140 sentences). With linear cost the ratio would be 1.</summary>
/// <remarks>Reads <c>../shared/data/easc-dev</c> beside the repository by path (evaluation data is never copied in);
/// fails with that path when it is missing. The generated pair in <see cref="ExtractiveSummarizerBenchmarks"/> has
/// a fixed vocabulary, so every term recurs more as the text grows; real text grows its vocabulary.</remarks>
[MemoryDiagnoser]
public class ExtractiveRealTextBenchmarks : ExtractiveBenchmark
{
    private Article[] separate = [];
    private Article joined = null!;

    /// <summary>Which ten articles: the first ten topics (0), the next ten (10), and so on.</summary>
    [Params(0, 30)]
    public int Skip { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var folder = RepoPaths.SharedData("easc-dev");

        var texts = EascDataset.Load(folder).Skip(Skip).Take(10).Select(d => d.Text).ToList();
        separate = texts.Select(t => new Article(t, null, ArticleLanguage.Arabic)).ToArray();
        joined = new Article(string.Join("\n", texts), null, ArticleLanguage.Arabic);
    }

    [Benchmark(Baseline = true)]
    public int TenArticlesSeparately()
    {
        var characters = 0;
        foreach (var article in separate)
        {
            characters += Summarize(article).Summary.Ar!.Length;
        }

        return characters;
    }

    [Benchmark]
    public int TenArticlesAsOne() => Summarize(joined).Summary.Ar!.Length;

}
