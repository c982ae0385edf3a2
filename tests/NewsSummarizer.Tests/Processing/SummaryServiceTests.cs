using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Processing;

public sealed class SummaryServiceTests
{
    private static readonly SourceInfo Source = new("articles", "x.txt", "\"1\"", null, "text/plain", 100, "utf-8");
    private readonly Mock<ISummarizer> model = TestData.ModelSummarizer();

    public SummaryServiceTests()
    {
        model.Setup(m => m.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ModelUnavailableException("The model is throttling requests (HTTP 429) after every retry."));
    }

    [Fact]
    public async Task CreateDocumentAsync_ModelUnavailableWithFallback_WritesMarkedExtractiveResult()
    {
        var sut = CreateSut(fallback: true);

        var document = await sut.CreateDocumentAsync(Read(TestData.EnglishArticle), Source, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(ModelProvider.ExtractiveFallback, document.Model.Provider);
        Assert.Equal([ArticleLanguage.Arabic], document.Unavailable);
        Assert.Contains("AzureOpenAI", document.UnavailableReason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.Summary.En));
        TestData.AssertMatchesSchema(document);
    }

    [Fact]
    public async Task IsCurrent_FallbackResult_IsNotCurrentForTheModelProvider()
    {
        var sut = CreateSut(fallback: true);
        var read = Read(TestData.EnglishArticle);
        var document = await sut.CreateDocumentAsync(read, Source with { Sha256 = read.Sha256 }, SummaryLength.Default, CancellationToken.None);

        Assert.NotEqual(ResultState.Current, sut.Classify(document, read.Sha256, Source.ETag));
    }

    [Fact]
    public async Task CreateDocumentAsync_ModelUnavailableWithoutFallback_Propagates()
    {
        var sut = CreateSut(fallback: false);

        await Assert.ThrowsAsync<ModelUnavailableException>(
            () => sut.CreateDocumentAsync(Read(TestData.EnglishArticle), Source, SummaryLength.Default, CancellationToken.None));
    }

    [Fact]
    public async Task CreateDocumentAsync_RejectedInput_NeverCallsTheModel()
    {
        var sut = CreateSut(fallback: true);

        var document = await sut.CreateDocumentAsync(Read("too short"), Source, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(SummaryStatus.Rejected, document.Status);
        Assert.Equal("too-short", document.Error?.Code);
        model.Verify(m => m.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
        TestData.AssertMatchesSchema(document);
    }

    private static ArticleReadResult Read(string text) => TestData.Read(text);

    private SummaryService CreateSut(bool fallback) =>
        TestProcessors.Summaries(model.Object, Options.Create(new SummarizerOptions { FallbackToExtractive = fallback }), new FakeTimeProvider());
}
