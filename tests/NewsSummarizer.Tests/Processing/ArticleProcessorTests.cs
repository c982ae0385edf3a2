using System.Text;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Processing;

public sealed class ArticleProcessorTests
{
    private const string Name = "news/today.txt";
    private readonly Mock<IArticleStore> store = new();
    private readonly Mock<ISummarizer> summarizer = TestData.ModelSummarizer();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private SummaryDocument? written;
    private string? writtenIfMatch;

    public ArticleProcessorTests()
    {
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
    public async Task ProcessAsync_NewArticle_ReadsItsResultOnceAndDownloadsItWithoutAPropertiesCall()
    {
        // A new upload has no result, so nothing can be current or moot: one result read and the download, each a
        // storage transaction paid for every upload, and no properties (HEAD) call before them.
        GivenArticle(TestData.ArabicArticle);

        await CreateSut().ProcessAsync(Name, CancellationToken.None);

        store.Verify(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.GetArticleAsync(Name, 0, It.IsAny<CancellationToken>()), Times.Never);
        store.Verify(s => s.GetArticleAsync(Name, It.Is<long>(max => max > 0), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(SummaryStatus.Ok)]
    [InlineData(SummaryStatus.Waiting)]
    [InlineData(SummaryStatus.Failed)]
    public async Task ProcessListedAsync_VersionAnsweredSinceTheListing_ReadsOnlyTheResult(SummaryStatus status)
    {
        // The sweep listed v1 without a result; the trigger answered it meanwhile. A waiting result long past its
        // retry time is included (a plain delivery would try it again): its retry message owns it, not the sweep.
        GivenArticle(TestData.EnglishArticle);
        var answered = Document("sha-of-v1", "AzureOpenAI", "bilingual-1") with
        {
            Status = status,
            Error = status == SummaryStatus.Ok ? null : new ErrorInfo("model-unavailable", "y"),
            RetryAt = status == SummaryStatus.Waiting ? time.GetUtcNow() - TimeSpan.FromHours(1) : null,
        };
        GivenStoredResult(answered with { Source = answered.Source with { ETag = "\"v1\"" } });

        var outcome = await CreateSut().ProcessListedAsync(Name, "\"v1\"", CancellationToken.None);

        Assert.Equal(ProcessingResult.AnsweredSinceListing, outcome.Result);
        Assert.Equal(status, outcome.Document?.Status);
        store.Verify(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.GetArticleAsync(Name, It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Null(written);
    }

    [Fact]
    public async Task ProcessListedAsync_StillWithoutAResult_SummarisesWithOneResultReadAndTheDownload()
    {
        GivenArticle(TestData.EnglishArticle);

        var outcome = await CreateSut().ProcessListedAsync(Name, "\"v1\"", CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        store.Verify(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.GetArticleAsync(Name, 0, It.IsAny<CancellationToken>()), Times.Never);
        store.Verify(s => s.GetArticleAsync(Name, It.Is<long>(max => max > 0), It.IsAny<CancellationToken>()), Times.Once);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessListedAsync_ResultOfAnEarlierVersion_SummarisesTheListedOne()
    {
        // Uploaded again after its result: the result names v0, the listing v1.
        GivenArticle(TestData.EnglishArticle);
        GivenStoredResult(Document("sha-of-v0", "AzureOpenAI", "bilingual-1"));

        var outcome = await CreateSut().ProcessListedAsync(Name, "\"v1\"", CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal("\"v1\"", written?.Source.ETag);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_CurrentResultExists_MakesNoModelCall()
    {
        GivenArticle(TestData.EnglishArticle);
        var current = Document(ArticleText.Sha256(ArticleText.Normalize(TestData.EnglishArticle)), "AzureOpenAI", "bilingual-1");
        GivenStoredResult(current with { Source = current.Source with { ETag = "\"v1\"" } });

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Null(written);
    }

    [Fact]
    public async Task ProcessAsync_SameTextUploadedAgain_NamesTheNewVersionInTheResultWithoutAModelCall()
    {
        GivenArticle(TestData.EnglishArticle);
        GivenStoredResult(Document(ArticleText.Sha256(ArticleText.Normalize(TestData.EnglishArticle)), "AzureOpenAI", "bilingual-1"));

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal("\"v1\"", written?.Source.ETag);
        Assert.Equal("Summary", written?.Summary.En);
        Assert.Equal("\"result-v1\"", writtenIfMatch);
    }

    [Fact]
    public async Task ProcessAsync_SameTextUploadedAgainAndStorageFailsToRecordTheNewVersion_StaysCurrentWithoutThrowing()
    {
        // Throwing would send the trigger into retries and, at the end, a failed result over a current one.
        GivenArticle(TestData.EnglishArticle);
        GivenStoredResult(Document(ArticleText.Sha256(ArticleText.Normalize(TestData.EnglishArticle)), "AzureOpenAI", "bilingual-1"));
        store.Setup(s => s.TryWriteResultAsync(Name, It.IsAny<SummaryDocument>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.RequestFailedException(503, "busy"));

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("other-sha", "AzureOpenAI", "bilingual-1", SummaryStatus.Ok)]
    [InlineData(null, "Extractive", "bilingual-1", SummaryStatus.Ok)]
    [InlineData(null, "AzureOpenAI", "bilingual-0", SummaryStatus.Ok)]
    [InlineData(null, "AzureOpenAI", "bilingual-1", SummaryStatus.Failed)]
    public async Task ProcessAsync_StaleResult_SummarisesAgainOverThatVersion(string? sha, string provider, string promptVersion, SummaryStatus status)
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

        var outcome = await CreateSut().HandlePoisonMessageAsync(PoisonMessage("\"v1\""), CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Failed, written?.Status);
        Assert.Equal("retries-exhausted", written?.Error?.Code);
        Assert.Equal("\"v1\"", written?.Source.ETag);
        TestData.AssertMatchesSchema(written!);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_ArticleThatCannotBeRead_WritesFailedFromTheMessageAlone()
    {
        // Reading the content again is what failed five times (a parser that throws, a stack overflow): never do it here.
        store.Setup(s => s.GetArticleAsync(Name, It.Is<long>(max => max > 0), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("the poison path must not read the article's content"));
        store.Setup(s => s.GetArticleAsync(Name, 0, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ArticleBlob("articles", Name, "\"v1\"", "text/markdown", 300_000, null));

        var outcome = await CreateSut().HandlePoisonMessageAsync(PoisonMessage("\"v1\""), CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Failed, written?.Status);
        Assert.Equal(300_000, written?.Source.Bytes);
        TestData.AssertMatchesSchema(written!);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_NewerVersionUploadedSince_WritesNothing()
    {
        GivenArticle(TestData.EnglishArticle);

        var outcome = await CreateSut().HandlePoisonMessageAsync(PoisonMessage("\"v0\""), CancellationToken.None);

        Assert.Equal(ProcessingResult.Superseded, outcome.Result);
        Assert.Null(written);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_ResultForThisVersionWrittenMeanwhile_WritesNothing()
    {
        GivenArticle(TestData.EnglishArticle);
        GivenStoredResult(Document("sha", "AzureOpenAI", "bilingual-1") with { Source = new SourceInfo("articles", Name, "\"v1\"", "sha", "text/plain", 1, "utf-8") });

        var outcome = await CreateSut().HandlePoisonMessageAsync(PoisonMessage("\"v1\""), CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        Assert.Null(written);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_FailedDocument_SaysWhatIsKnownWithoutGuessingACause()
    {
        GivenArticle(TestData.EnglishArticle);

        await CreateSut().HandlePoisonMessageAsync(PoisonMessage("\"v1\""), CancellationToken.None);

        var message = written?.Error?.Message ?? string.Empty;
        Assert.DoesNotContain("for example", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("throttl", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("log", message, StringComparison.Ordinal);
        Assert.Contains("newsum backfill --only failed", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/../../other/x.txt")]
    [InlineData("./x.txt")]
    [InlineData("a//x.txt")]
    [InlineData("a\\x.txt")]
    [InlineData("x\u0000.txt")]
    public async Task ProcessAsync_NameThatCouldAddressAnotherBlob_IsRefusedBeforeAnyStorageCall(string name)
    {
        var outcome = await CreateSut().ProcessAsync(name, CancellationToken.None);

        Assert.Equal(ProcessingResult.InvalidName, outcome.Result);
        Assert.Equal(ArticleNames.InvalidName, outcome.Error?.Code);
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProcessAsync_NameWhoseResultNameWouldExceedTheBlobLimit_IsRefusedWithoutAModelCall()
    {
        var name = new string('a', ArticleNames.MaxBlobNameLength - 4) + ".txt";

        var outcome = await CreateSut().ProcessAsync(name, CancellationToken.None);

        Assert.Equal(ProcessingResult.InvalidName, outcome.Result);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
        store.Verify(s => s.GetArticleAsync(It.IsAny<string>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_TraversalName_WritesNothing()
    {
        var outcome = await CreateSut().HandlePoisonMessageAsync(
            """{"ContainerName":"articles","BlobName":"a/../../app-package/x.zip","ETag":"\"v1\""}""", CancellationToken.None);

        Assert.Equal(ProcessingResult.InvalidName, outcome.Result);
        Assert.Null(written);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("source")]
    public async Task ProcessAsync_StoredResultWithNullField_IsReplacedWithoutThrowing(string field)
    {
        GivenArticle(TestData.EnglishArticle);
        var current = Document(ArticleText.Sha256(ArticleText.Normalize(TestData.EnglishArticle)), "AzureOpenAI", "bilingual-1");
        GivenStoredResult(field == "model" ? current with { Model = null! } : current with { Source = null! });

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal("\"result-v1\"", writtenIfMatch);
    }

    [Fact]
    public async Task ProcessAsync_ResultWriteHitsStorageFaults_RetriesTheWriteAloneWithOneModelCall()
    {
        GivenArticle(TestData.EnglishArticle);
        var writes = 0;
        store.Setup(s => s.TryWriteResultAsync(Name, It.IsAny<SummaryDocument>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns(() => ++writes < 3 ? throw new Azure.RequestFailedException(503, "busy") : Task.FromResult(true));

        var outcome = await RunAdvancingClockAsync(() => CreateSut().ProcessAsync(Name, CancellationToken.None));

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(3, writes);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_ResultWriteKeepsFailing_TheTriggersNextAttemptWritesTheKeptOutput()
    {
        var (sut, writes) = await GivenSummaryNotWrittenAsync();
        var retry = await sut.ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, retry.Result);
        Assert.Single(writes);
        Assert.Equal(0, sut.PendingCount);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_TriggerGaveUpOnTheWrite_WritesTheKeptSummaryNotFailed()
    {
        var (sut, writes) = await GivenSummaryNotWrittenAsync();

        var outcome = await sut.HandlePoisonMessageAsync(PoisonMessage("\"v1\""), CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Ok, Assert.Single(writes).Status);
        Assert.Equal(0, sut.PendingCount);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("""{"ContainerName":"other","BlobName":"x.txt"}""")]
    [InlineData("not json")]
    public async Task HandlePoisonMessageAsync_ForeignOrMalformedMessage_WritesNothing(string message)
    {
        await CreateSut().HandlePoisonMessageAsync(message, CancellationToken.None);

        Assert.Null(written);
    }

    private static string PoisonMessage(string etag) =>
        $$"""{"FunctionId":"Host.Functions.SummarizeArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"{{Name}}","ETag":{{System.Text.Json.JsonSerializer.Serialize(etag)}}}""";

    /// <summary>Runs <paramref name="run"/> while moving the fake clock on, so its backoff pauses end without real waiting.</summary>
    private async Task<T> RunAdvancingClockAsync<T>(Func<Task<T>> run)
    {
        var task = run();
        while (!task.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        return await task;
    }

    private void GivenArticle(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        store.Setup(s => s.GetArticleAsync(Name, It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ArticleBlob("articles", Name, "\"v1\"", "text/plain", bytes.Length, bytes));
    }

    private void GivenStoredResult(SummaryDocument document) =>
        store.Setup(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredResult(document, "\"result-v1\""));

    /// <summary>A run summarises the article but cannot write the result (storage down), so the processor keeps it;
    /// storage is back when this returns. The list collects what is written from then on.</summary>
    private async Task<(ArticleProcessor Sut, List<SummaryDocument> Writes)> GivenSummaryNotWrittenAsync()
    {
        GivenArticle(TestData.EnglishArticle);
        var storageDown = true;
        var writes = new List<SummaryDocument>();
        store.Setup(s => s.TryWriteResultAsync(Name, It.IsAny<SummaryDocument>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((string _, SummaryDocument document, string? _, CancellationToken _) =>
            {
                if (storageDown)
                {
                    throw new Azure.RequestFailedException(500, "down");
                }

                writes.Add(document);
                return Task.FromResult(true);
            });
        var sut = CreateSut();
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => RunAdvancingClockAsync(() => sut.ProcessAsync(Name, CancellationToken.None)));
        storageDown = false;
        return (sut, writes);
    }

    private static SummaryDocument Document(string sha256, string provider, string promptVersion) => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Summary = new LocalizedText(null, "Summary"),
        Source = new SourceInfo("articles", Name, "\"v0\"", sha256, "text/plain", 10, "utf-8"),
        Model = new ModelUsage(ModelProvider.Parse(provider), "m", promptVersion, null, null),
    };

    private ArticleProcessor CreateSut()
    {
        var options = Options.Create(new SummarizerOptions());
        return TestProcessors.Create(store.Object, TestProcessors.Summaries(summarizer.Object, options, time), options, time);
    }
}
