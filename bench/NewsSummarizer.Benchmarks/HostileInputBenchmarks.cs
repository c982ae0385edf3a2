using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Engines;
using NewsSummarizer.Summarization.Chat;

namespace NewsSummarizer.Benchmarks;

/// <summary>Issue 14: how the cost of reading one hostile article grows with its size (64 KiB, 256 KiB, just under
/// the 1 MiB default limit), for every kind of bomb in the hostile corpus and for the worst documents that still
/// pass the pre-scans (flat HTML at the element limit, text as deep as the depth-weighted limit allows). <c>letter-run</c> adds what
/// a model provider does before its first call: token counting and splitting (<see cref="PromptCost.Measure"/>).
/// Monitoring runs: each operation is seconds at worst, and the question is the worst case, not nanoseconds.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class HostileInputBenchmarks
{
    private const string English =
        "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent. " +
        "The mayor said the plan would add two bus lines and extend the hours of the metro on weekends. ";

    private readonly ArticleReader reader = TestReaders.InProcess(BenchmarkInputs.Options);
    private readonly TokenCounter tokens = new();
    private byte[] content = null!;
    private string name = null!;

    [Params("html-b", "html-div", "html-table", "html-reconstruct", "json-html-b", "html-flat", "html-deep-text", "md-quote", "md-bracket",
        "md-emphasis", "md-link", "json-depth", "sniff-bait", "letter-run", "plain-text")]
    public string Kind { get; set; } = null!;

    [Params(64 * 1024, 256 * 1024, 1024 * 1024 - 1024)]
    public int Size { get; set; }

    private TimeSpan cpuAtStart;

    [GlobalSetup]
    public void Setup() => (name, content) = Create(Kind, Size);

    // On a shared machine wall time says more about the neighbours than about the article: each iteration (one
    // operation in a Monitoring run) also prints the process's CPU time, extraction thread and GC included.
    [IterationSetup]
    public void StartCpuClock() => cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void StopCpuClock() => Console.WriteLine(
        $"// CPU {Kind} {Size}: {(Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalMilliseconds:F0} ms");

    [Benchmark]
    public int ReadArticle()
    {
        var read = reader.Read(content, name, null);
        return Kind == "letter-run" && read.IsAccepted ? PromptCost.Measure(read.Article!, tokens, 24_000).Calls : read.IsAccepted ? 1 : 0;
    }

    internal static (string Name, byte[] Content) Create(string kind, int size)
    {
        var page = "<html><body><p>" + English + "</p>";
        return kind switch
        {
            "html-b" => ("a.html", Utf8(Fill(page, "<b>", size))),
            "html-div" => ("a.html", Utf8(Fill(page, "<div>", size))),
            "html-table" => ("a.html", Utf8(Fill(page, "<table><tr><td>", size))),
            "html-reconstruct" => ("a.html", Utf8(Fill(page + "<div>" + string.Concat(Enumerable.Range(0, 300).Select(i => $"<b id={i}>")) + "</div>", "<p>x</p>", size))),
            "json-html-b" => ("a.json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
                new { title = "Budget", body = Fill("<p>" + English + "</p>", "<b>", size - 100) },
                new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))),

            // The worst that passes: paragraphs up to the element limit (the rest of the size in one paragraph's text),
            // and text nested as deep as the depth-weighted limit allows for its size.
            "html-flat" => ("a.html", Utf8(FlatHtml(page, size))),
            "html-deep-text" => ("a.html", Utf8(Fill(page + Repeat("<div>", DeepestPassing(size)), English, size))),
            "md-quote" => ("a.md", Utf8(Fill(English + "\n\n", ">", size) + " x")),
            "md-bracket" => ("a.md", Utf8(Fill(English + "\n\n", "[", size) + " x")),
            "md-emphasis" => ("a.md", Utf8(Fill(English + "\n\n", "*a", size))),
            "md-link" => ("a.md", Utf8(Fill(English + "\n\n", "[a](", size))),
            "json-depth" => ("a.json", Utf8(Repeat("[", size / 2) + "1" + Repeat("]", size / 2))),
            "sniff-bait" => ("upload", Utf8(Fill(Repeat("<!---->", 1000) + "x\n\n", English + "\n\n", size))),
            "letter-run" => ("a.txt", Utf8(English + "\n\n" + Letters(size - 300))),
            "plain-text" => ("a.txt", Utf8(Fill(string.Empty, English + "\n\n", size))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static int DeepestPassing(int size) =>
        Math.Min(ArticleLimits.MaxHtmlDepth - 8, (int)Math.Sqrt(ArticleLimits.MaxHtmlNestingCost / (double)size) - 4);

    private static string FlatHtml(string page, int size)
    {
        var paragraphs = Math.Min((size - page.Length) / 24, (ArticleLimits.MaxHtmlElements - 100) / 2);
        var html = page + Repeat("<p><span>a</span> b</p>", paragraphs) + "<p>";
        return Fill(html, English, size);
    }

    private static string Fill(string prefix, string unit, int size)
    {
        var builder = new StringBuilder(size + 64).Append(prefix);
        while (builder.Length + unit.Length <= size)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static string Letters(int length)
    {
        var random = new Random(14);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
