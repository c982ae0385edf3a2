using Microsoft.Extensions.Options;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Benchmarks;

/// <summary>The price of parsing in an extractor process: a small HTML article through a warm process of the pool
/// against the same job in this process. The difference is one round trip (two pipe writes, two reads, the reply's
/// JSON); it decides which formats are worth sending out (docs/benchmarks.md, "Extractor processes").</summary>
[MemoryDiagnoser]
public class ExtractorBenchmarks : IDisposable
{
    private readonly ExtractorPool pool = new(Options.Create(new ExtractionOptions { PoolSize = 1 }));
    private ExtractionJob small = null!;

    [GlobalSetup]
    public void Setup()
    {
        var html = "<html><head><title>Budget</title></head><body><article><p>" +
            "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent. " +
            "The mayor said the money will pay for more buses and longer opening hours at the central station.</p></article></body></html>";
        small = new ExtractionJob("html", System.Text.Encoding.UTF8.GetBytes(html));
        var warm = pool.ExtractAsync(small, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (!warm.IsExtracted)
        {
            throw new InvalidOperationException($"The benchmark's article was rejected: {warm.Error.Message}");
        }
    }

    [Benchmark(Baseline = true)]
    public FormatExtraction SmallHtml_InProcess() => InProcessExtractor.Run(small, NewsSummarizer.Articles.Documents.DocumentLimits.Default);

    [Benchmark]
    public ValueTask<FormatExtraction> SmallHtml_WarmExtractorProcess() => pool.ExtractAsync(small, CancellationToken.None);

    [GlobalCleanup]
    public void Dispose()
    {
        pool.Dispose();
        GC.SuppressFinalize(this);
    }
}
