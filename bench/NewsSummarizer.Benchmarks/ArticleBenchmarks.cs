using Microsoft.Extensions.Options;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Benchmarks;

/// <summary>The CPU work of one article outside the model call: reading and decoding the upload (format, encoding,
/// garble check, extraction, normalisation, hash, language) for three inputs as the hosts read them (HTML in a warm
/// extractor process), the same HTML page parsed in this process (the difference is one round trip to the extractor),
/// language detection alone, and writing the result document.</summary>
[MemoryDiagnoser]
public class ArticleBenchmarks : IDisposable
{
    private readonly ExtractorPool pool = new(Options.Create(new ExtractionOptions { PoolSize = 1 }));
    private readonly ArticleReader inProcess = TestReaders.InProcess(BenchmarkInputs.Options);
    private ArticleReader reader = null!;
    private byte[] seedUtf8 = null!;
    private byte[] html = null!;
    private byte[] windows1256 = null!;
    private string seedText = null!;
    private SummaryDocument document = null!;

    [GlobalSetup]
    public void Setup()
    {
        reader = new ArticleReader(BenchmarkInputs.Options, pool);
        seedUtf8 = BenchmarkInputs.SeedUtf8;
        html = BenchmarkInputs.HtmlPage();
        windows1256 = BenchmarkInputs.Windows1256();
        seedText = BenchmarkInputs.SeedText;
        document = BenchmarkInputs.Document();

        // A benchmark of a rejection would measure the wrong path: fail loudly instead.
        foreach (var (bytes, name, encoding) in new[] { (seedUtf8, "a.txt", "utf-8"), (html, "a.html", "utf-8"), (windows1256, "a.txt", "windows-1256") })
        {
            var read = reader.ReadAsync(bytes, name, null).AsTask().GetAwaiter().GetResult();
            if (!read.IsAccepted || read.Article!.Language != ArticleLanguage.Arabic || read.Encoding != encoding)
            {
                throw new InvalidOperationException($"{name} ({encoding}) was not read as Arabic {encoding}: {read.Rejection?.Message} {read.Encoding}");
            }
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        pool.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public ValueTask<ArticleReadResult> Read_ArabicSeedUtf8() => reader.ReadAsync(seedUtf8, "world/000_1c7e991db8deae7e.txt", "text/plain");

    [Benchmark]
    public ValueTask<ArticleReadResult> Read_HtmlPage() => reader.ReadAsync(html, "world/page.html", "text/html");

    /// <summary>The same page parsed in the benchmark's own process: <see cref="Read_HtmlPage"/> minus this is the cost
    /// of the extractor process's round trip.</summary>
    [Benchmark]
    public ValueTask<ArticleReadResult> Read_HtmlPage_InProcess() => inProcess.ReadAsync(html, "world/page.html", "text/html");

    [Benchmark]
    public ValueTask<ArticleReadResult> Read_Windows1256Text() => reader.ReadAsync(windows1256, "world/legacy.txt", "text/plain");

    [Benchmark]
    public ArticleLanguage DetectLanguage_ArabicSeed() => LanguageDetector.Detect(seedText);

    [Benchmark]
    public byte[] Serialize_ResultDocument() => SummaryJson.Serialize(document);
}
