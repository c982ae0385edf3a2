using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using NewsSummarizer.Articles;
using NewsSummarizer.Processing;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Tests.Processing;

public sealed class ArticleProcessorTests
{
    private const string Name = "news/today.txt";
    private readonly Mock<IArticleStore> store = new();
    private readonly Mock<ISummarizer> summarizer = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private SummaryDocument? written;
    private string? writtenIfMatch;

    public ArticleProcessorTests()
    {
        summarizer.SetupGet(s => s.Provider).Returns("AzureOpenAI");
        summarizer.SetupGet(s => s.PromptVersion).Returns("bilingual-1");
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SummaryContent(
                new LocalizedText("عنوان", "Title"),
                new LocalizedText("ملخص", "Summary"),
                new LocalizedList(["نقطة"], ["Point"]),
                new ModelUsage("AzureOpenAI", "gpt-test", "bilingual-1", 10, 5),
                [],
                null));
        store.SetupGet(s => s.Container).Returns("articles");
        store.Setup(s => s.TryWriteResultAsync(It.IsAny<string>(), It.IsAny<SummaryDocument>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback<string, SummaryDocument, string?, CancellationToken>((_, document, ifMatch, _) => (written, writtenIfMatch) = (document, ifMatch))
            .ReturnsAsync(true);
    }

    [Theory]
    [InlineData("x.summary.json")]
    [InlineData("a/x.txt.summary.json")]
    public async Task ProcessAsync_ResultBlob_IsSkippedWithoutReadingIt(string name)
    {
        var outcome = await CreateSut().ProcessAsync(name, CancellationToken.None);

        Assert.Equal(ProcessingResult.SkippedResultBlob, outcome.Result);
        store.Verify(s => s.GetArticleAsync(It.IsAny<string>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessAsync_NewArticle_WritesSchemaValidOkDocumentOnlyIfNoneExists()
    {
        GivenArticle(TestData.ArabicArticle);

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.NotNull(written);
        Assert.Null(writtenIfMatch);
        Assert.Equal(SummaryStatus.Ok, written.Status);
        Assert.Equal(ArticleLanguage.Arabic, written.Language);
        Assert.Equal("articles", written.Source.Container);
        Assert.Equal(Name, written.Source.Name);
        Assert.Equal("\"v1\"", written.Source.ETag);
        Assert.Equal(ArticleText.Sha256(ArticleText.Normalize(TestData.ArabicArticle)), written.Source.Sha256);
        Assert.Equal(time.GetUtcNow(), written.CreatedAt);
        TestData.AssertMatchesSchema(written);
    }

    [Fact]
    public async Task ProcessAsync_CurrentResultExists_MakesNoModelCall()
    {
        GivenArticle(TestData.EnglishArticle);
        GivenStoredResult(Document(ArticleText.Sha256(ArticleText.Normalize(TestData.EnglishArticle)), "AzureOpenAI", "bilingual-1"));

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Null(written);
    }

    [Theory]
    [InlineData("other-sha", "AzureOpenAI", "bilingual-1", SummaryStatus.Ok)]
    [InlineData(null, "Extractive", "bilingual-1", SummaryStatus.Ok)]
    [InlineData(null, "AzureOpenAI", "bilingual-0", SummaryStatus.Ok)]
    [InlineData(null, "AzureOpenAI", "bilingual-1", SummaryStatus.Failed)]
    public async Task ProcessAsync_StaleResult_SummarisesAgainOverThatVersion(string? sha, string provider, string promptVersion, string status)
    {
        GivenArticle(TestData.EnglishArticle);
        var current = ArticleText.Sha256(ArticleText.Normalize(TestData.EnglishArticle));
        GivenStoredResult(Document(sha ?? current, provider, promptVersion) with { Status = status, Error = status == SummaryStatus.Ok ? null : new ErrorInfo("x", "y") });

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal("\"result-v1\"", writtenIfMatch);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_ConditionalWriteLost_ReportsRaceAndDoesNotThrow()
    {
        GivenArticle(TestData.EnglishArticle);
        store.Setup(s => s.TryWriteResultAsync(It.IsAny<string>(), It.IsAny<SummaryDocument>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(false);

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.LostRace, outcome.Result);
    }

    [Fact]
    public async Task ProcessAsync_TooLargeArticle_IsRejectedWithoutDownloading()
    {
        store.Setup(s => s.GetArticleAsync(Name, It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ArticleBlob("articles", Name, "\"v1\"", "text/plain", 5_000_000, null));

        await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.NotNull(written);
        Assert.Equal(SummaryStatus.Rejected, written.Status);
        Assert.Equal("too-large", written.Error?.Code);
        Assert.Contains("Summarizer__MaxArticleBytes", written.Error?.Message, StringComparison.Ordinal);
        TestData.AssertMatchesSchema(written);
    }

    [Fact]
    public async Task ProcessAsync_ModelReplyInvalid_WritesFailedDocument()
    {
        GivenArticle(TestData.EnglishArticle);
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SummarizationException("invalid-model-reply", "The model's reply was invalid twice."));

        await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(SummaryStatus.Failed, written?.Status);
        TestData.AssertMatchesSchema(written!);
    }

    [Fact]
    public async Task ProcessAsync_TransientModelFailure_PropagatesSoTheTriggerRetries()
    {
        GivenArticle(TestData.EnglishArticle);
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() => CreateSut().ProcessAsync(Name, CancellationToken.None));
        Assert.Null(written);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_MessageForThisContainer_WritesFailedDocument()
    {
        GivenArticle(TestData.EnglishArticle);
        const string message = """{"FunctionId":"Host.Functions.SummarizeArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"news/today.txt","ETag":"\"v1\""}""";

        var outcome = await CreateSut().HandlePoisonMessageAsync(message, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Failed, written?.Status);
        Assert.Equal("retries-exhausted", written?.Error?.Code);
        TestData.AssertMatchesSchema(written!);
    }

    [Theory]
    [InlineData("""{"ContainerName":"other","BlobName":"x.txt"}""")]
    [InlineData("not json")]
    public async Task HandlePoisonMessageAsync_ForeignOrMalformedMessage_WritesNothing(string message)
    {
        await CreateSut().HandlePoisonMessageAsync(message, CancellationToken.None);

        Assert.Null(written);
    }

    private void GivenArticle(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        store.Setup(s => s.GetArticleAsync(Name, It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ArticleBlob("articles", Name, "\"v1\"", "text/plain", bytes.Length, bytes));
    }

    private void GivenStoredResult(SummaryDocument document) =>
        store.Setup(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredResult(document, "\"result-v1\""));

    private static SummaryDocument Document(string sha256, string provider, string promptVersion) => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Summary = new LocalizedText(null, "Summary"),
        Source = new SourceInfo("articles", Name, "\"v0\"", sha256, "text/plain", 10, "utf-8"),
        Model = new ModelUsage(provider, "m", promptVersion, null, null),
    };

    private ArticleProcessor CreateSut()
    {
        var options = Options.Create(new SummarizerOptions());
        return new ArticleProcessor(
            store.Object,
            new ArticleReader(options),
            new SummaryService(summarizer.Object, new ExtractiveSummarizer(), options, time, NullLogger<SummaryService>.Instance),
            options,
            TestData.Telemetry(),
            NullLogger<ArticleProcessor>.Instance);
    }
}
