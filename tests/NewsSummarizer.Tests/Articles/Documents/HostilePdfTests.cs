using System.Text;
using NewsSummarizer.Articles;
using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.Tests.Articles.Documents;

/// <summary>PDFs built to hurt the reader: each must end in a rejection (or a plain result), never in an exception,
/// a stack overflow or unbounded memory.</summary>
public sealed class HostilePdfTests
{
    private static readonly string Sentence = string.Join(' ', TestDocuments.EnglishParagraphs[0].Split(' ').Take(20));

    [Fact]
    public void Read_DeeplyNestedArrayInObject_RejectsTooComplex()
    {
        var nested = new string('[', 200_000) + new string(']', 200_000);
        var pdf = RawPdf.OnePage(Content(Sentence), deflate: false, pageExtra: $"/Junk {nested}");

        var result = CreateSut().Read(pdf, "a.pdf", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("nest deeper", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeeplyNestedArrayInCompressedContent_RejectsTooComplex()
    {
        // Hidden from the raw pre-scan by compression: PdfPig's own depth limit (ParsingOptions.MaxStackDepth) holds.
        var nested = new string('[', 200_000) + new string(']', 200_000);
        var pdf = RawPdf.OnePage(Content(Sentence, $"{nested} pop\n"), deflate: true);

        var result = CreateSut().Read(pdf, "a.pdf", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
    }

    [Fact]
    public void Read_StreamInflatingPastLimit_RejectsTooComplex()
    {
        var zeros = new byte[64 * 1024 * 1024];
        var pdf = RawPdf.OnePage(zeros, deflate: true);

        var result = CreateSut(DocumentLimits.Default with { MaxUncompressedBytes = 16 * 1024 * 1024 }).Read(pdf, "a.pdf", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("inflate", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FormDrawingItself_ReadsItsTextOnce()
    {
        var form = RawPdf.Stream(
            Encoding.Latin1.GetBytes($"BT /F1 12 Tf 50 500 Td ({Sentence}) Tj ET /X1 Do"),
            deflate: false,
            extra: "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 6 0 R >> /Font << /F1 5 0 R >> >>");
        var pdf = RawPdf.OnePage(Content(Sentence, "/X1 Do\n"), deflate: false, pageExtra: "/XObject << /X1 6 0 R >>", form);

        var result = CreateSut().Read(pdf, "a.pdf", null);

        // PdfPig does not follow a form into itself for ever: the page's own text is read and the call returns.
        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.StartsWith(Sentence, result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CyclicPageTree_ReadsThePageOnce()
    {
        var pdf = RawPdf.Build([
            RawPdf.Text("<< /Type /Catalog /Pages 2 0 R >>"),
            RawPdf.Text("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"),
            RawPdf.Text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            RawPdf.Stream(Content(Sentence), deflate: false),
            RawPdf.Text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        ]);

        var result = CreateSut().Read(pdf, "a.pdf", null);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal(Sentence, result.Article.Text);
    }

    [Fact]
    public void Read_PasswordProtectedPdf_RejectsEncrypted()
    {
        var pdf = RawPdf.EncryptedOnePage(Content(Sentence), userPassword: "secret");

        var result = CreateSut().Read(pdf, "a.pdf", null);

        Assert.Equal(ArticleErrorCodes.EncryptedDocument, result.Rejection?.Code);
        Assert.Contains("password", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EncryptedPdfWithoutUserPassword_ReadsItsText()
    {
        // Permissions-only encryption (an owner password, no user password) opens without asking: it is readable.
        var pdf = RawPdf.EncryptedOnePage(Content(Sentence), userPassword: string.Empty);

        var result = CreateSut().Read(pdf, "a.pdf", null);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal(Sentence, result.Article.Text);
    }

    [Fact]
    public void Read_TextThatQuotesPdfHeader_StaysText()
    {
        var text = "Every PDF file begins with %PDF-1.7 and a version. " + string.Join(' ', TestDocuments.EnglishParagraphs);

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(text), "notes.txt", "text/plain");

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal("text", result.Format);
    }

    private static byte[] Content(string text, string extra = "") =>
        Encoding.Latin1.GetBytes($"BT /F1 12 Tf 50 700 Td ({text}) Tj ET\n{extra}");

    private static ArticleReader CreateSut(DocumentLimits? limits = null) =>
        TestReaders.InProcess(new SummarizerOptions { MaxArticleBytes = 8 * 1024 * 1024, MinArticleWords = 5 }, limits);
}
