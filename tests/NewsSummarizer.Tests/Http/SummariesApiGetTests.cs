using Azure;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Articles;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Http;

public sealed class SummariesApiGetTests
{
    private const string Name = "2026/11/council.txt";

    private readonly Mock<IArticleStore> store = new();

    [Theory]
    [InlineData(null, "invalid-name")]
    [InlineData("", "invalid-name")]
    [InlineData("/2026/council.txt", "invalid-name")]
    [InlineData("\\council.txt", "invalid-name")]
    [InlineData("..", "invalid-name")]
    [InlineData("a/../b.txt", "invalid-name")]
    [InlineData("a/..", "invalid-name")]
    [InlineData("a\\..\\b.txt", "invalid-name")]
    [InlineData("a\u0001b.txt", "invalid-name")]
    [InlineData("a\nb.txt", "invalid-name")]
    [InlineData("council.txt.summary.json", "result-name")]
    [InlineData("a/b/COUNCIL.TXT.SUMMARY.JSON", "result-name")]
    public async Task GetAsync_InvalidName_Returns400WithoutTouchingStorage(string? name, string code)
    {
        var sut = CreateSut();

        var result = await sut.GetAsync(name, default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
        Assert.Equal(code, result.Problem().Code);
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task GetAsync_NameOverMaxLength_Returns400()
    {
        var result = await CreateSut().GetAsync(new string('a', ArticleNames.MaxLength + 1), default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
    }

    [Theory]
    [InlineData("a..b.txt")]
    [InlineData("...")]
    [InlineData("خبر/مقال.txt")]
    public async Task GetAsync_UnusualButValidName_IsLookedUp(string name)
    {
        var result = await CreateSut().GetAsync(name, default);

        Assert.Equal(StatusCodes.Status404NotFound, result.AsApi().StatusCode);
    }

    [Fact]
    public async Task GetAsync_NameAtMaxLength_IsLookedUp()
    {
        var result = await CreateSut().GetAsync(new string('a', ArticleNames.MaxLength), default);

        Assert.Equal(StatusCodes.Status404NotFound, result.AsApi().StatusCode);
    }

    [Fact]
    public async Task GetAsync_UnknownArticle_Returns404Problem()
    {
        var result = await CreateSut().GetAsync(Name, default);

        Assert.Equal(StatusCodes.Status404NotFound, result.AsApi().StatusCode);
        Assert.Equal("unknown-article", result.Problem().Code);
    }

    [Fact]
    public async Task GetAsync_ResultNotWrittenYet_Returns202WithRetryAfter()
    {
        store.Setup(s => s.ArticleExistsAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = (await CreateSut().GetAsync(Name, default)).AsApi();

        Assert.Equal(StatusCodes.Status202Accepted, result.StatusCode);
        Assert.Equal("2", result.Headers["Retry-After"]);
        Assert.Equal("pending", Assert.IsType<SummariesApi.PendingResult>(result.Value).Status);
    }

    [Fact]
    public async Task GetAsync_WaitingForAScheduledAttempt_Returns202WithRetryAfterAtTheScheduledTime()
    {
        var retryAt = new DateTimeOffset(DateTime.UtcNow.AddMinutes(10).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        GivenWaiting(retryAt);

        var result = (await CreateSut().GetAsync(Name, default)).AsApi();

        Assert.Equal(StatusCodes.Status202Accepted, result.StatusCode);
        Assert.Equal(retryAt, DateTimeOffset.Parse(result.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture));
        var body = Assert.IsType<SummariesApi.PendingResult>(result.Value);
        Assert.Equal(("waiting", retryAt), (body.Status, body.RetryAt));
        Assert.Contains("HTTP 503", body.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WaitingPastItsTime_Returns202WithAShortRetryAfter()
    {
        GivenWaiting(DateTimeOffset.UtcNow.AddMinutes(-1));

        var result = (await CreateSut().GetAsync(Name, default)).AsApi();

        Assert.Equal(StatusCodes.Status202Accepted, result.StatusCode);
        Assert.Equal("2", result.Headers["Retry-After"]);
    }

    private void GivenWaiting(DateTimeOffset retryAt)
    {
        store.Setup(s => s.ArticleExistsAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        store.Setup(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredResult(
            Document() with
            {
                Status = SummaryStatus.Waiting,
                Summary = new LocalizedText(null, null),
                Error = new ErrorInfo("model-unavailable", "The model answered HTTP 503 on every attempt."),
                RetryAt = retryAt,
            },
            "\"0x1\""));
    }

    [Fact]
    public async Task GetAsync_StoredResult_Returns200WithDocumentAndETag()
    {
        var document = Document();
        store.Setup(s => s.ArticleExistsAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        store.Setup(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredResult(document, "\"0x1\""));
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        var result = await CreateSut().GetAsync(Name, default);
        var body = await result.RunAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("\"0x1\"", context.Response.Headers.ETag.ToString());
        Assert.Contains("\"summary\":{\"ar\":\"ملخص الخبر\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ResultOfDeletedArticle_Returns404()
    {
        store.Setup(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredResult(Document(), "\"0x1\""));

        var result = await CreateSut().GetAsync(Name, default);

        Assert.Equal(StatusCodes.Status404NotFound, result.AsApi().StatusCode);
    }

    [Fact]
    public async Task GetAsync_NameWhoseResultWouldExceedTheBlobNameLimit_Returns400WithoutTouchingStorage()
    {
        // 1,012 characters: a blob name Azure accepts, but "<name>.summary.json" would have 1,025.
        var result = await CreateSut().GetAsync(new string('a', 1008) + ".txt", default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
        Assert.Equal("invalid-name", result.Problem().Code);
        store.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("a//b.txt")]
    [InlineData("a/./b.txt")]
    [InlineData("a/")]
    public async Task GetAsync_EmptyOrDotSegment_Returns400WithoutTouchingStorage(string name)
    {
        var result = await CreateSut().GetAsync(name, default);

        Assert.Equal("invalid-name", result.Problem().Code);
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task GetAsync_UntrustedStoredResult_SaysWhyAndIsNotServed()
    {
        store.Setup(s => s.ArticleExistsAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        store.Setup(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredResult(null, "\"0x1\"", "it does not match summary.schema.json (/model: null)"));

        var result = await CreateSut().GetAsync(Name, default);

        Assert.Equal(StatusCodes.Status500InternalServerError, result.AsApi().StatusCode);
        Assert.Contains("/model", result.Problem().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UnreadableStoredResult_Returns500Problem()
    {
        store.Setup(s => s.ArticleExistsAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        store.Setup(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredResult(null, "\"0x1\""));

        var result = await CreateSut().GetAsync(Name, default);

        Assert.Equal("unreadable-result", result.Problem().Code);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(403)]
    [InlineData(0)]
    public async Task GetAsync_StorageFails_Returns503WithRetryAfter(int status)
    {
        store.Setup(s => s.ArticleExistsAsync(Name, It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(status, "storage"));

        var result = (await CreateSut().GetAsync(Name, default)).AsApi();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, result.StatusCode);
        Assert.Equal("storage-unavailable", result.Problem().Code);
        Assert.True(result.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task GetAsync_NameStorageRefuses_Returns400()
    {
        store.Setup(s => s.ArticleExistsAsync(Name, It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(400, "InvalidResourceName"));

        var result = await CreateSut().GetAsync(Name, default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
        Assert.Equal("invalid-name", result.Problem().Code);
    }

    private static SummaryDocument Document() => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.Arabic,
        Summary = new LocalizedText("ملخص الخبر", null),
        Source = new SourceInfo("articles", Name, "\"0x0\"", "abc", "text/plain", 100, "utf-8"),
        Model = new ModelUsage(ModelProvider.Extractive, "extractive", "extractive-0", null, null),
    };

    private SummariesApi CreateSut()
    {
        var options = Options.Create(new SummarizerOptions());
        store.SetupGet(s => s.Container).Returns("articles");
        return TestApis.Summaries(options, store: store.Object);
    }
}
