using System.Net;
using Microsoft.Extensions.Options;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Benchmarks;

/// <summary>Inputs shared by the benchmarks: the Arabic seed as uploaded, the same text as an HTML page and as
/// Windows-1256 bytes (generated here, so no corpus text is added to the repository), and a typical result document.</summary>
internal static class BenchmarkInputs
{
    public static string SeedText { get; } = SampleArticles.ArabicSeed;

    public static byte[] SeedUtf8 { get; } = SampleArticles.ArabicSeedUtf8;

    public static IOptions<SummarizerOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new SummarizerOptions());

    /// <summary>A news page as a CMS would serve it: head, navigation, the article's paragraphs, a footer.</summary>
    public static byte[] HtmlPage()
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(CannedReplies.Title.Ar).Append("</title>")
            .Append("<style>body{font-family:sans-serif}</style><script>window.analytics=[];</script></head><body>")
            .Append("<nav><a href=\"/\">الرئيسية</a> <a href=\"/world\">العالم</a> <a href=\"/economy\">اقتصاد</a></nav>")
            .Append("<main><article><h1>").Append(CannedReplies.Title.Ar).Append("</h1>");
        foreach (var paragraph in SeedText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        html.Append("</article><aside><h2>الأكثر قراءة</h2><ul><li>خبر أول</li><li>خبر ثان</li></ul></aside></main>")
            .Append("<footer>© 2026 جميع الحقوق محفوظة</footer></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>The seed text in the legacy Arabic code page (characters it lacks become '?', like a real export).</summary>
    public static byte[] Windows1256()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(1256, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        return encoding.GetBytes(SeedText.Replace('“', '"').Replace('”', '"'));
    }

    /// <summary>A bilingual ok result of the seed's size (what a model run writes).</summary>
    public static SummaryDocument Document() => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.Arabic,
        Title = CannedReplies.Title,
        Summary = CannedReplies.Summary,
        KeyPoints = CannedReplies.KeyPoints,
        Source = new SourceInfo("articles", "world/000_1c7e991db8deae7e.txt", "\"0x8DC1234567890AB\"",
            "9f2c3a0d8c1e4b5a6f7e8d9c0b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a", "text/plain", SeedUtf8.Length, "utf-8"),
        Model = new ModelUsage(ModelProvider.OpenAI, "gpt-4o-mini", "bilingual-1", 1830, 412),
        DurationMs = 2140,
        CreatedAt = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero),
    };
}
