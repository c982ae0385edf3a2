using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.Benchmarks;

/// <summary>Reading Word and PDF articles (extraction, limits, Arabic repair, then the same checks as text) beside the
/// plain-text path on the same paragraphs. Divide by <see cref="Pages"/> for the time per page and by the input size
/// (printed at set-up) for the time per MB. The parsers run in this process: the cost of the extractor process's round
/// trip is <see cref="ArticleBenchmarks"/>' to measure.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly ArticleReader reader = TestReaders.InProcess(new SummarizerOptions { MaxArticleBytes = 16 * 1024 * 1024 });
    private byte[] text = null!;
    private byte[] docx = null!;
    private byte[] englishPdf = null!;
    private byte[] arabicPdf = null!;

    /// <summary>Pages of the English PDF (4 paragraphs, about 250 words, per page); the .docx and the text hold the same paragraphs.</summary>
    [Params(1, 10)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Each page's paragraphs rotated, so no body line repeats at the same height on half the pages (which would
        // make it a running header and measure less text than the plain-text baseline).
        var english = TestDocuments.EnglishParagraphs;
        var paragraphs = Enumerable.Range(0, Pages).SelectMany(p => english.Skip(p % english.Length).Concat(english.Take(p % english.Length))).ToArray();
        text = System.Text.Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs));
        docx = TestDocuments.Docx(TestDocuments.EnglishTitle, paragraphs);
        englishPdf = TestDocuments.EnglishPdf(paragraphs, pages: Pages);
        var arabic = Enumerable.Repeat(TestDocuments.ArabicParagraphs, Pages).SelectMany(p => p).ToArray();
        arabicPdf = TestDocuments.ArabicPdf(arabic, TestDocuments.ArabicLayout.PresentationForms);

        foreach (var (bytes, name) in new[] { (text, "a.txt"), (docx, "a.docx"), (englishPdf, "a.pdf"), (arabicPdf, "ar.pdf") })
        {
            var read = reader.Read(bytes, name, null);
            if (!read.IsAccepted)
            {
                throw new InvalidOperationException($"{name} was rejected: {read.Rejection.Message}");
            }

            Console.WriteLine($"// {name}: {bytes.Length:N0} bytes, {read.Article.Text.Length:N0} characters");
            // A one-page PDF keeps its header line (nothing repeats to show it is one): allow a tenth.
            if (name != "ar.pdf" && Math.Abs(read.Article.Text.Length - text.Length) > text.Length / 10)
            {
                throw new InvalidOperationException($"{name} lost text: {read.Article.Text.Length:N0} characters of {text.Length:N0}");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public ArticleReadResult Read_PlainText() => reader.Read(text, "a.txt", "text/plain");

    [Benchmark]
    public ArticleReadResult Read_Docx() => reader.Read(docx, "a.docx", null);

    [Benchmark]
    public ArticleReadResult Read_EnglishPdf() => reader.Read(englishPdf, "a.pdf", null);

    /// <summary>Always two pages (the builder's layout), embedding DejaVu Sans: the font dominates the size.</summary>
    [Benchmark]
    public ArticleReadResult Read_ArabicPdfPresentationForms() => reader.Read(arabicPdf, "ar.pdf", null);
}
