using NewsSummarizer.Articles.Formats;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Articles.Formats;

/// <summary>One table decides a format's identity: the reader, the CLI's uploads and the HTTP API agree with it.</summary>
public sealed class FormatRegistryTests
{
    [Theory]
    [InlineData("a/x.txt", "text/plain; charset=utf-8")]
    [InlineData("x.text", "text/plain; charset=utf-8")]
    [InlineData("x.md", "text/markdown; charset=utf-8")]
    [InlineData("x.markdown", "text/markdown; charset=utf-8")] // was application/octet-stream: the uploader's own list had drifted
    [InlineData("x.HTML", "text/html")]
    [InlineData("x.xhtml", "text/html")]
    [InlineData("x.json", "application/json")]
    [InlineData("x.pdf", "application/pdf")]
    [InlineData("x.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("x.png", "application/octet-stream")]
    [InlineData("README", "application/octet-stream")]
    public void ContentTypeOf_UploadedFile_IsItsFormatsStoredType(string path, string expected) =>
        Assert.Equal(expected, ArticleUploader.ContentTypeOf(path));

    [Fact]
    public void ContentTypeOf_EveryExtension_IsReadBackAsThatFormat()
    {
        foreach (var format in FormatRegistry.All)
        {
            foreach (var extension in format.Extensions)
            {
                var contentType = ArticleUploader.ContentTypeOf("x" + extension);
                // The reader, given only the stored content type (a name without extension), picks the same format;
                // plain text excepted: text/plain is sniffed (PlainTextFormat.MediaTypes).
                var byType = ArticleFormats.Default.ByNameOrContentType(null, contentType)?.Name ??
                    NewsSummarizer.Articles.Documents.DocumentReader.Identify(ReadOnlyMemory<byte>.Empty, null, contentType);
                Assert.Equal(format == FormatRegistry.Text ? null : format.Name, byType);
            }
        }
    }

    [Fact]
    public void AcceptedMediaTypes_ListsEachFormatOnceThenOctetStream() => Assert.Equal(
        "text/plain; charset=utf-8, text/markdown; charset=utf-8, text/html; charset=utf-8, application/json, application/pdf, " +
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/octet-stream",
        SummaryRequestReader.AcceptedMediaTypes);
}
