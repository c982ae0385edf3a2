using NewsSummarizer.Summaries;

namespace NewsSummarizer.Benchmarks;

/// <summary>The CPU work of one article outside the model call: reading and decoding the upload (format, encoding,
/// garble check, extraction, normalisation, hash, language) for three inputs, language detection alone, and writing
/// the result document.</summary>
[MemoryDiagnoser]
public class ArticleBenchmarks
{
    private readonly ArticleReader reader = new(BenchmarkInputs.Options);
    private byte[] seedUtf8 = null!;
    private byte[] html = null!;
    private byte[] windows1256 = null!;
    private string seedText = null!;
    private SummaryDocument document = null!;

    [GlobalSetup]
    public void Setup()
    {
        seedUtf8 = BenchmarkInputs.SeedUtf8;
        html = BenchmarkInputs.HtmlPage();
        windows1256 = BenchmarkInputs.Windows1256();
        seedText = BenchmarkInputs.SeedText;
        document = BenchmarkInputs.Document();

        // A benchmark of a rejection would measure the wrong path: fail loudly instead.
        foreach (var (bytes, name, encoding) in new[] { (seedUtf8, "a.txt", "utf-8"), (html, "a.html", "utf-8"), (windows1256, "a.txt", "windows-1256") })
        {
            var read = reader.Read(bytes, name, null);
            if (!read.IsAccepted || read.Article!.Language != ArticleLanguage.Arabic || read.Encoding != encoding)
            {
                throw new InvalidOperationException($"{name} ({encoding}) was not read as Arabic {encoding}: {read.Rejection?.Message} {read.Encoding}");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public ArticleReadResult Read_ArabicSeedUtf8() => reader.Read(seedUtf8, "world/000_1c7e991db8deae7e.txt", "text/plain");

    [Benchmark]
    public ArticleReadResult Read_HtmlPage() => reader.Read(html, "world/page.html", "text/html");

    [Benchmark]
    public ArticleReadResult Read_Windows1256Text() => reader.Read(windows1256, "world/legacy.txt", "text/plain");

    [Benchmark]
    public ArticleLanguage DetectLanguage_ArabicSeed() => LanguageDetector.Detect(seedText);

    [Benchmark]
    public byte[] Serialize_ResultDocument() => SummaryJson.Serialize(document);
}
