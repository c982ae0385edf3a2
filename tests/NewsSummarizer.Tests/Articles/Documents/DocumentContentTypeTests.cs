using NewsSummarizer.Articles;
using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.Tests.Articles.Documents;

/// <summary><c>newsum upload</c> and <c>newsum summarize</c> store and read documents with their media types, and the
/// reader recognises a document from that media type alone (a blob renamed without its extension).</summary>
public sealed class DocumentContentTypeTests
{
    [Theory]
    [InlineData("news/a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("news/A.PDF", "application/pdf")]
    public void ContentTypeOf_DocumentExtension_IsItsMediaType(string path, string expected)
    {
        Assert.Equal(expected, ArticleUploader.ContentTypeOf(path));
    }

    [Fact]
    public void Read_DocumentNamedWithoutExtension_RecognisedByUploadedMediaType()
    {
        var pdf = TestDocuments.EnglishPdf(TestDocuments.EnglishParagraphs);
        var junk = new byte[1000];
        Array.Fill(junk, (byte)' ');

        // A PDF with leading junk before its header: only the media type (or name) says it is a PDF.
        var result = CreateSut().Read((byte[])[.. junk, .. pdf], "incoming/article", ArticleUploader.ContentTypeOf("x.pdf"));

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Equal("pdf", result.Format);
        Assert.Equal(TestDocuments.EnglishParagraphs, result.Article.Text.Split("\n\n"));
    }

    private static ArticleReader CreateSut() => TestReaders.InProcess(new SummarizerOptions { MaxArticleBytes = 8 * 1024 * 1024 });
}
