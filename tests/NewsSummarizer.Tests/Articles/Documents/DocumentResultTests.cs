using NewsSummarizer.Articles;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.Tests.Articles.Documents;

/// <summary>The result document of a Word or PDF article records the format in <c>source.format</c> and stays
/// valid against the published schema, accepted or rejected.</summary>
public sealed class DocumentResultTests
{
    private static readonly SourceInfo Source = new("articles", "a", "\"1\"", null, "application/octet-stream", 100, null);

    [Fact]
    public async Task CreateDocumentAsync_Docx_RecordsFormatAndMatchesSchema()
    {
        var read = CreateReader().Read(TestDocuments.Docx(TestDocuments.ArabicTitle, TestDocuments.ArabicParagraphs), "a.docx", null);

        var document = await CreateSut().CreateDocumentAsync(read, Source with { Sha256 = read.Sha256 }, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal("docx", document.Source.Format);
        Assert.Equal(ArticleLanguage.Arabic, document.Language);
        TestData.AssertMatchesSchema(document);
    }

    [Fact]
    public async Task CreateDocumentAsync_ScannedPdf_RejectedWithFormatAndMatchesSchema()
    {
        var read = CreateReader().Read(TestDocuments.ScannedPdf(), "scan.pdf", null);

        var document = await CreateSut().CreateDocumentAsync(read, Source, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(SummaryStatus.Rejected, document.Status);
        Assert.Equal(ArticleErrorCodes.NoTextLayer, document.Error?.Code);
        Assert.Equal("pdf", document.Source.Format);
        TestData.AssertMatchesSchema(document);
    }

    private static ArticleReader CreateReader() => TestReaders.InProcess(new SummarizerOptions { MaxArticleBytes = 8 * 1024 * 1024 });

    private static SummaryService CreateSut() => new(
        new ExtractiveSummarizer(),
        new ExtractiveSummarizer(),
        Options.Create(new SummarizerOptions()),
        new FakeTimeProvider(),
        NullLogger<SummaryService>.Instance);
}
