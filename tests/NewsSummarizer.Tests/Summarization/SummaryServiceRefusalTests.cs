using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Summarization;

/// <summary>A final model refusal becomes a result at once (never an exception the trigger would retry).</summary>
public sealed class SummaryServiceRefusalTests
{
    private static readonly SourceInfo Source = new("articles", "x.txt", "\"1\"", null, "text/plain", 100, "utf-8");
    private readonly Mock<ISummarizer> model = TestData.ModelSummarizer(promptVersion: "bilingual-3");

    [Fact]
    public async Task CreateDocumentAsync_ContentFiltered_IsRejectedWithTheReason()
    {
        Refuses(ModelErrorCodes.ContentFiltered, "Azure OpenAI's content filter blocked the article (prompt filter: violence (severity high)).");

        var document = await CreateSut(fallback: false).CreateDocumentAsync(Read(), Source, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(SummaryStatus.Rejected, document.Status);
        Assert.Equal(ModelErrorCodes.ContentFiltered, document.Error!.Code);
        Assert.Contains("violence (severity high)", document.Error.Message, StringComparison.Ordinal);
        TestData.AssertMatchesSchema(document);
    }

    [Theory]
    [InlineData(ModelErrorCodes.RejectedRequest)]
    [InlineData(ModelErrorCodes.NotFound)]
    [InlineData(ModelErrorCodes.AuthFailed)]
    [InlineData(ModelErrorCodes.OutputTruncated)]
    [InlineData(ModelErrorCodes.ContextTooLong)]
    public async Task CreateDocumentAsync_ModelOrConfigurationRefusal_IsFailedWithItsCode(string code)
    {
        Refuses(code, "Set the setting the message names.");

        var document = await CreateSut(fallback: true).CreateDocumentAsync(Read(), Source, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(SummaryStatus.Failed, document.Status);
        Assert.Equal(code, document.Error!.Code);
    }

    [Fact]
    public async Task CreateDocumentAsync_ContentFilteredWithFallback_WritesExtractiveSummaryWithTheReason()
    {
        Refuses(ModelErrorCodes.ContentFiltered, "Azure OpenAI's content filter blocked the article (prompt filter: violence (severity high)).");

        var document = await CreateSut(fallback: true).CreateDocumentAsync(Read(), Source, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(ModelProvider.ExtractiveFallback, document.Model.Provider);
        Assert.Contains("violence (severity high)", document.UnavailableReason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.Summary.En));
        TestData.AssertMatchesSchema(document);
    }

    private void Refuses(string code, string message) =>
        model.Setup(m => m.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SummarizationException(code, message));

    private static ArticleReadResult Read() => TestData.Read(TestData.EnglishArticle);

    private SummaryService CreateSut(bool fallback) =>
        TestProcessors.Summaries(model.Object, Options.Create(new SummarizerOptions { FallbackToExtractive = fallback }), new FakeTimeProvider());
}
