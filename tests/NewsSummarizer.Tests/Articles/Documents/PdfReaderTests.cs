using NewsSummarizer.Articles;
using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Testing.Documents;
using UglyToad.PdfPig;

namespace NewsSummarizer.Tests.Articles.Documents;

/// <summary>PDF articles through <see cref="ArticleReader.ReadAsync"/>: reading order, running lines, Arabic repair and
/// the rejections of PDFs that cannot be read.</summary>
public sealed class PdfReaderTests
{
    static PdfReaderTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    [Fact]
    public void Read_EnglishPdf_ParagraphsInOrderWithoutRunningLines()
    {
        var pdf = TestDocuments.EnglishPdf(TestDocuments.EnglishParagraphs, pages: 2);

        var result = CreateSut().Read(pdf, "a.pdf", "application/pdf");

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal("pdf", result.Format);
        Assert.Equal(TestDocuments.EnglishTitle, result.Article.Title);
        Assert.Equal(TestDocuments.EnglishParagraphs, result.Article.Text.Split("\n\n"));
    }

    /// <summary>English reads the left column before the right; Arabic the right before the left.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_TwoColumnPdf_ReadsTheColumnsInTheLanguagesOrder(bool arabic)
    {
        var paragraphs = arabic ? TestDocuments.ArabicParagraphs : TestDocuments.EnglishParagraphs;
        var pdf = arabic ? TestDocuments.ArabicTwoColumnPdf(paragraphs) : TestDocuments.TwoColumnPdf(paragraphs);

        var result = CreateSut().Read(pdf, "columns.pdf", null);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal(paragraphs, result.Article.Text.Split("\n\n"));
    }

    [Theory]
    [InlineData(TestDocuments.ArabicLayout.VisualOrder)]
    [InlineData(TestDocuments.ArabicLayout.PresentationForms)]
    [InlineData(TestDocuments.ArabicLayout.LogicalLeftToRight)]
    public void Read_ArabicPdf_RestoresLogicalLetters(TestDocuments.ArabicLayout layout)
    {
        var pdf = TestDocuments.ArabicPdf(TestDocuments.ArabicParagraphs, layout);

        var result = CreateSut().Read(pdf, "ar.pdf", null);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal(ArticleLanguage.Arabic, result.Article.Language);
        Assert.Equal(TestDocuments.ArabicParagraphs, result.Article.Text.Split("\n\n"));
    }

    [Theory]
    [InlineData(TestDocuments.ArabicLayout.VisualOrder)]
    [InlineData(TestDocuments.ArabicLayout.PresentationForms)]
    public void ArabicPdf_NaiveExtraction_IsNotLogicalText(TestDocuments.ArabicLayout layout)
    {
        // The fixture is what the repair is for: read in content order, its text is reversed or in glyph forms.
        using var document = PdfDocument.Open(TestDocuments.ArabicPdf(TestDocuments.ArabicParagraphs, layout));
        var naive = string.Join(' ', document.GetPages().Select(p => p.Text));

        Assert.DoesNotContain(TestDocuments.ArabicParagraphs[0].Split(' ')[2], naive, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArabicPdfInLegacyEightBitEncoding_RejectsUnreadable()
    {
        // A font without a Unicode map over Windows-1256 codes: the text layer says "ÃÚáäÊ" where the page shows Arabic.
        var codes = System.Text.Encoding.GetEncoding(1256).GetBytes(string.Join(' ', TestDocuments.ArabicParagraphs));
        var content = System.Text.Encoding.Latin1.GetBytes("BT /F1 12 Tf 50 700 Td (").Concat(Escape(codes)).Concat(") Tj ET"u8.ToArray()).ToArray();

        var result = CreateSut().Read(RawPdf.OnePage(content, deflate: true), "ar.pdf", null);

        Assert.Equal(ArticleErrorCodes.PdfTextUnreadable, result.Rejection?.Code);
        Assert.Equal("pdf", result.Format);
    }

    [Fact]
    public void Read_PdfWhoseTextIsInAFormField_ReadsTheFieldsValue()
    {
        // A certificate or voucher: the page draws a heading, the body is a filled-in text field (PDF 32000-1 12.7.4.3).
        var body = string.Join(' ', TestDocuments.EnglishParagraphs);
        var pdf = RawPdf.Build([
            RawPdf.Text("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>"),
            RawPdf.Text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            RawPdf.Text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [6 0 R] /Resources << /Font << /F1 5 0 R >> >> >>"),
            RawPdf.Stream(System.Text.Encoding.Latin1.GetBytes("BT /F1 12 Tf 50 800 Td (CERTIFICATE) Tj ET"), deflate: false),
            RawPdf.Text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            RawPdf.Text($"<< /Type /Annot /Subtype /Widget /FT /Tx /T (body) /V ({body}) /Rect [50 100 545 700] /P 3 0 R >>"),
        ]);

        var result = CreateSut().Read(pdf, "certificate.pdf", null);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Contains(TestDocuments.EnglishParagraphs[0], result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PdfDrawingTextWithFontsThatCannotBeLoaded_SaysSoInsteadOfNoTextLayer()
    {
        // A simple font whose dictionary is broken: PdfPig skips its letters, but the page does show text.
        var pdf = RawPdf.Build([
            RawPdf.Text("<< /Type /Catalog /Pages 2 0 R >>"),
            RawPdf.Text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            RawPdf.Text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            RawPdf.Stream(System.Text.Encoding.Latin1.GetBytes($"BT /F1 12 Tf 50 700 Td ({TestDocuments.EnglishTitle}) Tj ET"), deflate: false),
            RawPdf.Text("<< /Type /Font /Subtype /TrueType /BaseFont <4E6F> /FontDescriptor 99 0 R /Encoding /WinAnsiEncoding >>"),
        ]);

        var result = CreateSut().Read(pdf, "broken-font.pdf", null);

        Assert.False(result.IsAccepted);
        Assert.NotEqual(ArticleErrorCodes.NoTextLayer, result.Rejection.Code);
    }

    [Fact]
    public void Read_ScannedPdf_RejectsNoTextLayerAskingForOcr()
    {
        var result = CreateSut().Read(TestDocuments.ScannedPdf(), "scan.pdf", null);

        Assert.Equal(ArticleErrorCodes.NoTextLayer, result.Rejection?.Code);
        Assert.Contains("OCR", result.Rejection?.Message, StringComparison.Ordinal);
        Assert.Equal("pdf", result.Format);
    }

    [Fact]
    public void Read_TruncatedPdf_RejectsWithoutThrowing()
    {
        var pdf = TestDocuments.EnglishPdf(TestDocuments.EnglishParagraphs);

        var result = CreateSut().Read(pdf.AsMemory(0, pdf.Length / 3), "a.pdf", null);

        Assert.False(result.IsAccepted);
        Assert.Contains(result.Rejection.Code, new[] { ArticleErrorCodes.CorruptDocument, ArticleErrorCodes.NoTextLayer });
    }

    [Fact]
    public void Read_MorePagesThanLimit_RejectsTooComplex()
    {
        var pdf = TestDocuments.EnglishPdf(TestDocuments.EnglishParagraphs, pages: 4);

        var result = CreateSut(DocumentLimits.Default with { MaxPages = 3 }).Read(pdf, "a.pdf", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("4 pages", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PageOverLetterLimit_RejectsTooComplexBeforeLayout()
    {
        var pdf = TestDocuments.EnglishPdf(TestDocuments.EnglishParagraphs, pages: 1);

        var result = CreateSut(DocumentLimits.Default with { MaxLettersPerPage = 100 }).Read(pdf, "a.pdf", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("letters", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.pdf")]
    [InlineData("a.docx")]
    public void Read_TimeBudgetSpent_RejectsTooComplex(string name)
    {
        var content = name.EndsWith(".pdf", StringComparison.Ordinal)
            ? TestDocuments.EnglishPdf(TestDocuments.EnglishParagraphs)
            : TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs);

        // A zero budget is spent before the first page or part is read.
        var result = CreateSut(DocumentLimits.Default with { TimeBudget = TimeSpan.Zero }).Read(content, name, null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("took longer", result.Rejection?.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<byte> Escape(byte[] codes) =>
        codes.SelectMany(b => b is (byte)'(' or (byte)')' or (byte)'\\' ? new[] { (byte)'\\', b } : [b]);

    private static ArticleReader CreateSut(DocumentLimits? limits = null) =>
        TestReaders.InProcess(new SummarizerOptions { MaxArticleBytes = 8 * 1024 * 1024, MinArticleWords = 20 }, limits);
}
