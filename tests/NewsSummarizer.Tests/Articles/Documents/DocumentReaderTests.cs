using NewsSummarizer.Articles;
using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Articles.Formats;
using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.Tests.Articles.Documents;

/// <summary>Word and PDF articles through <see cref="ArticleReader.ReadAsync"/>: what is extracted, what is left out,
/// and how each kind of bad document is rejected.</summary>
public sealed class DocumentReaderTests
{
    [Fact]
    public void Read_EnglishDocx_KeepsParagraphsAndCoreTitle()
    {
        var docx = TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs);

        var result = CreateSut().Read(docx, "news/budget.docx", FormatRegistry.Docx.MediaTypes[0]);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal("docx", result.Format);
        Assert.Null(result.Encoding);
        Assert.Equal(TestDocuments.EnglishTitle, result.Article.Title);
        Assert.Equal(ArticleLanguage.English, result.Article.Language);
        var paragraphs = result.Article.Text.Split("\n\n");
        Assert.Equal(TestDocuments.EnglishParagraphs.Length, paragraphs.Length);
        Assert.Equal(TestDocuments.EnglishParagraphs[0] + " INSERTED-WORDS", paragraphs[0]);
        Assert.Equal(TestDocuments.EnglishParagraphs[1..], paragraphs[1..]);
    }

    [Theory]
    [InlineData("DELETED-WORDS")]
    [InlineData("COMMENT-TEXT")]
    [InlineData("HEADER-TEXT")]
    [InlineData("FOOTER-TEXT")]
    public void Read_Docx_LeavesOutNonBodyText(string marker)
    {
        var docx = TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs);

        var result = CreateSut().Read(docx, "a.docx", null);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.DoesNotContain(marker, result.Article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("incoming/article", "application/octet-stream")]
    [InlineData("article.txt", "text/plain")]
    public void Read_DocxWithoutItsName_RecognisedBySignature(string? name, string? contentType)
    {
        var docx = TestDocuments.Docx(TestDocuments.ArabicTitle, TestDocuments.ArabicParagraphs, coreTitle: false, rightToLeft: true);

        var result = CreateSut().Read(docx, name, contentType);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal("docx", result.Format);
        Assert.Equal(ArticleLanguage.Arabic, result.Article.Language);
        Assert.Equal(TestDocuments.ArabicTitle, result.Article.Title);
        Assert.StartsWith(TestDocuments.ArabicParagraphs[0], result.Article.Text, StringComparison.Ordinal);
        Assert.EndsWith(TestDocuments.ArabicParagraphs[^1], result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PlainZipNamedAsArchive_StillRejectedAsBinary()
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("photo.txt").Open();
            entry.Write("hello"u8);
        }

        var result = CreateSut().Read(stream.ToArray(), "photos.zip", "application/zip");

        Assert.Equal(ArticleErrorCodes.UnsupportedFormat, result.Rejection?.Code);
    }

    [Fact]
    public void Read_ZipBombDocx_RejectsTooComplex()
    {
        var result = CreateSut().Read(TestDocuments.ZipBombDocx(), "bomb.docx", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("zip bomb", result.Rejection?.Message, StringComparison.Ordinal);
        Assert.Equal("docx", result.Format);
    }

    [Fact]
    public void Read_DocxLyingAboutItsSizes_RejectsCorrupt()
    {
        var docx = TestDocuments.LyingSizesDocx(TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs));

        var result = CreateSut().Read(docx, "a.docx", null);

        Assert.Equal(ArticleErrorCodes.CorruptDocument, result.Rejection?.Code);
    }

    [Fact]
    public void Read_DocxPartOverXmlLimit_RejectsTooComplex()
    {
        var docx = TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs);
        var sut = CreateSut(DocumentLimits.Default with { MaxXmlPartBytes = 1024 });

        var result = sut.Read(docx, "a.docx", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("bytes of XML", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooManyZipEntries_RejectsTooComplex()
    {
        var docx = TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs);
        var sut = CreateSut(DocumentLimits.Default with { MaxZipEntries = 3 });

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, sut.Read(docx, "a.docx", null).Rejection?.Code);
    }

    [Fact]
    public void Read_DeeplyNestedDocxXml_RejectsTooComplexWithoutOpeningIt()
    {
        var depth = 100_000;
        var xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth))
            + "</w:body></w:document>";
        var docx = TestDocuments.ReplacePart(TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs), "word/document.xml", xml);

        // Repeated tags compress far beyond the ratio limit; lift it so the depth check is the one that answers.
        var result = CreateSut(DocumentLimits.Default with { MaxCompressionRatio = 100_000 }).Read(docx, "a.docx", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("nests XML", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocxMainPartNotNamedXml_IsStillPreScanned()
    {
        // The main part may be called anything: [Content_Types].xml declares it (ECMA-376 part 2, 10.1.2.2). OpenXml
        // opens it as XML, so the depth pre-scan must too.
        var docx = HostileDocuments.DocxWithHiddenMainPart(depth: 100_000);

        var result = CreateSut(DocumentLimits.Default with { MaxCompressionRatio = 100_000 }).Read(docx, "a.docx", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("'word/document.bin' nests XML", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocxOfManyEmptyElements_RejectsTooComplexBeforeOpeningIt()
    {
        var docx = HostileDocuments.DocxOfEmptyElements(6 * 20_000);

        var result = CreateSut(DocumentLimits.Default with { MaxCompressionRatio = 100_000, MaxXmlElements = 10_000 }).Read(docx, "a.docx", null);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Rejection?.Code);
        Assert.Contains("more than 10,000 elements", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocxWithinTheElementLimit_IsRead()
    {
        var docx = TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs);

        var result = CreateSut(DocumentLimits.Default with { MaxXmlElements = 200 }).Read(docx, "a.docx", null);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
    }

    [Fact]
    public void Read_PasswordProtectedDocx_RejectsEncrypted()
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var result = CreateSut().Read(compoundFile, "secret.docx", null);

        Assert.Equal(ArticleErrorCodes.EncryptedDocument, result.Rejection?.Code);
    }

    [Theory]
    [InlineData("a.docx")]
    [InlineData("a.pdf")]
    public void Read_TextNamedAsDocument_RejectsCorrupt(string name)
    {
        var text = System.Text.Encoding.UTF8.GetBytes(string.Join(' ', TestDocuments.EnglishParagraphs));

        var result = CreateSut().Read(text, name, null);

        Assert.Equal(ArticleErrorCodes.CorruptDocument, result.Rejection?.Code);
    }

    [Fact]
    public void Read_TruncatedDocx_RejectsCorrupt()
    {
        var docx = TestDocuments.Docx(TestDocuments.EnglishTitle, TestDocuments.EnglishParagraphs);

        var result = CreateSut().Read(docx.AsMemory(0, docx.Length / 2), "a.docx", null);

        Assert.Equal(ArticleErrorCodes.CorruptDocument, result.Rejection?.Code);
    }

    private static ArticleReader CreateSut(DocumentLimits? limits = null) =>
        TestReaders.InProcess(new SummarizerOptions { MaxArticleBytes = 8 * 1024 * 1024, MinArticleWords = 20 }, limits);
}
