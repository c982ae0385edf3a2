using System.Text;
using System.Text.Json;
using NewsSummarizer.Articles;
using NewsSummarizer.Processing.Retries;

namespace NewsSummarizer.Tests.Processing.Retries;

/// <summary>The processor's side of scheduled retries: a transient model failure becomes a scheduled attempt and a
/// <c>waiting</c> result, and a scheduled attempt makes a model call only while it is still the article's schedule.</summary>
public sealed class ArticleProcessorRetryTests
{
    private const string Name = "news/today.txt";
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly Mock<IArticleStore> store = new();
    private readonly Mock<ISummarizer> summarizer = TestData.ModelSummarizer();
    private readonly Mock<IRetryQueue> queue = new();
    private readonly List<(RetryMessage Message, TimeSpan Delay)> scheduled = [];
    private readonly ArticleRetryOptions retryOptions = new() { BaseDelay = TimeSpan.FromSeconds(30) };
    private readonly SummarizerOptions summarizerOptions = new();
    private string etag = "\"v1\"";
    private StoredResult? stored;
    private int writes;

    public ArticleProcessorRetryTests()
    {
        store.SetupGet(s => s.Container).Returns("articles");
        var bytes = Encoding.UTF8.GetBytes(TestData.EnglishArticle);
        store.Setup(s => s.GetArticleAsync(Name, It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ArticleBlob("articles", Name, etag, "text/plain", bytes.Length, bytes));
        store.Setup(s => s.GetResultAsync(Name, It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);
        store.Setup(s => s.TryWriteResultAsync(Name, It.IsAny<SummaryDocument>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, SummaryDocument document, string? ifMatch, CancellationToken _) =>
            {
                if (ifMatch != stored?.ETag)
                {
                    return false;
                }

                writes++;
                stored = new StoredResult(SummaryJson.TryDeserialize(SummaryJson.Serialize(document)), $"\"r{writes}\"");
                return true;
            });
        queue.Setup(q => q.ScheduleAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Callback<string, TimeSpan, CancellationToken>((message, delay, _) => scheduled.Add((RetryMessage.TryParse(message)!, delay)))
            .Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task ProcessAsync_ModelThrottledWithLongRetryAfter_SchedulesThatWaitAndWritesWaiting()
    {
        GivenModelUnavailable(TimeSpan.FromMinutes(10));

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Deferred, outcome.Result);
        var (message, delay) = Assert.Single(scheduled);
        Assert.Equal(TimeSpan.FromMinutes(10), delay);
        Assert.Equal((Name, "\"v1\"", 1, Start + delay), (message.Name, message.ETag, message.Deferrals, message.RetryAt));
        var waiting = stored?.Document;
        Assert.NotNull(waiting); // schema-valid: it survived the store's round trip through the schema check
        Assert.Equal(SummaryStatus.Waiting, waiting.Status);
        Assert.Equal(message.RetryAt, waiting.RetryAt);
        Assert.Equal("model-unavailable", waiting.Error?.Code);
        Assert.Equal(ResultState.Waiting, ResultClassifier.Classify(waiting, new ArticleVersion(etag, null), ModelProvider.AzureOpenAI, "bilingual-1"));
        Assert.False(ResultState.Waiting.IsSettled());
    }

    [Fact]
    public async Task ProcessAsync_FallbackEnabled_SchedulesBeforeFallingBack()
    {
        summarizerOptions.FallbackToExtractive = true;
        GivenModelUnavailable(retryAfter: null);

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Deferred, outcome.Result);
        Assert.Single(scheduled);
        Assert.Equal(SummaryStatus.Waiting, stored?.Document?.Status);
    }

    [Fact]
    public async Task ProcessAsync_QueueFails_ThrowsAndWritesNothing()
    {
        GivenModelUnavailable(retryAfter: null);
        queue.Setup(q => q.ScheduleAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.RequestFailedException(503, "queue down"));

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => CreateSut().ProcessAsync(Name, CancellationToken.None));

        Assert.Null(stored);
    }

    [Fact]
    public async Task ProcessAsync_AlreadyWaitingForThisVersion_MakesNoCallUntilDue()
    {
        var sut = await DeferredOnceAsync();

        var duplicate = await sut.ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Deferred, duplicate.Result);
        VerifyModelCalls(1);
        Assert.Single(scheduled);
    }

    [Fact]
    public async Task ProcessAsync_SameTextUploadedAgainWhileWaiting_TriesNowAndTheOldScheduleMakesNoCall()
    {
        var sut = await DeferredOnceAsync();
        GivenModelAnswers();
        etag = "\"v2\""; // identical text, new blob version: the old schedule names v1

        var upload = await sut.ProcessAsync(Name, CancellationToken.None);
        var old = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, upload.Result);
        Assert.Equal(ProcessingResult.AlreadyCurrent, old.Result);
        Assert.Equal(SummaryStatus.Ok, stored?.Document?.Status);
        VerifyModelCalls(2);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_DueScheduleAndModelBack_WritesOk()
    {
        var sut = await DeferredOnceAsync();
        GivenModelAnswers();
        time.Advance(scheduled[0].Delay);

        var outcome = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Ok, stored?.Document?.Status);
        Assert.Null(stored?.Document?.RetryAt);
        VerifyModelCalls(2);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_StillUnavailable_SchedulesTheNextWithHistory()
    {
        var sut = await DeferredOnceAsync();
        time.Advance(scheduled[0].Delay);

        var outcome = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Deferred, outcome.Result);
        var next = scheduled[1].Message;
        Assert.Equal(2, next.Deferrals);
        Assert.Equal(Start, next.FirstDeferredAt);
        Assert.Equal(2, next.History.Count);
        Assert.Equal(next.RetryAt, stored?.Document?.RetryAt);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_NewerUploadWithItsOwnResult_MakesNoCall()
    {
        var sut = await DeferredOnceAsync();
        var message = scheduled[0].Message.ToJson();
        etag = "\"v2\"";
        time.Advance(TimeSpan.FromSeconds(1));
        await sut.ProcessAsync(Name, CancellationToken.None); // the new version's trigger: the model is still down

        var outcome = await sut.HandleRetryMessageAsync(message, CancellationToken.None);

        Assert.Equal(ProcessingResult.Superseded, outcome.Result);
        VerifyModelCalls(2);
        Assert.Equal("\"v2\"", stored?.Document?.Source.ETag);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_NewerUploadNothingHandledYet_SummarisesTheNewVersionOnce()
    {
        var sut = await DeferredOnceAsync();
        GivenModelAnswers();
        etag = "\"v2\""; // uploaded, but its trigger is late (or was missed by a polling scan)

        var outcome = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);
        var lateTrigger = await sut.ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal("\"v2\"", stored?.Document?.Source.ETag);
        Assert.Equal(ProcessingResult.AlreadyCurrent, lateTrigger.Result);
        VerifyModelCalls(2);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_ResultCurrentMeanwhile_MakesNoCall()
    {
        var sut = await DeferredOnceAsync();
        var message = scheduled[0].Message.ToJson();
        GivenModelAnswers();
        time.Advance(scheduled[0].Delay + DeliveryDecision.ScheduleSlack);
        await sut.ProcessAsync(Name, CancellationToken.None); // a backfill or a trigger once the message looks lost

        var outcome = await sut.HandleRetryMessageAsync(message, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        VerifyModelCalls(2);
    }

    [Fact]
    public async Task ProcessAsync_LateTriggerJustAfterTheScheduleIsDue_LeavesItToTheRetryMessage()
    {
        // The DevHost's sweep or a late polling scan meets the version when its message is due but not yet taken:
        // the message owns it, so there is one call per scheduled attempt, not two.
        var sut = await DeferredOnceAsync();
        GivenModelAnswers();
        time.Advance(scheduled[0].Delay + TimeSpan.FromSeconds(5));

        var late = await sut.ProcessAsync(Name, CancellationToken.None);
        var due = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Deferred, late.Result);
        Assert.Equal(ProcessingResult.Written, due.Result);
        VerifyModelCalls(2);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_DuplicateOfAnOlderSchedule_MakesNoCall()
    {
        var sut = await DeferredOnceAsync();
        time.Advance(scheduled[0].Delay);
        await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        var duplicate = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Superseded, duplicate.Result);
        VerifyModelCalls(2);
        Assert.Equal(2, scheduled.Count);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_DeferralsSpent_WritesFailedWithTheHistory()
    {
        retryOptions.MaxDeferrals = 1;
        var sut = await DeferredOnceAsync();
        time.Advance(scheduled[0].Delay);

        var outcome = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        var failed = stored?.Document;
        Assert.Equal(SummaryStatus.Failed, failed?.Status);
        Assert.Equal("retries-exhausted", failed?.Error?.Code);
        Assert.Contains("attempt 1:", failed?.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 2:", failed?.Error?.Message, StringComparison.Ordinal);
        Assert.Single(scheduled);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_DeferralsSpentWithFallback_WritesTheExtractiveFallback()
    {
        retryOptions.MaxDeferrals = 1;
        summarizerOptions.FallbackToExtractive = true;
        var sut = await DeferredOnceAsync();
        time.Advance(scheduled[0].Delay);

        await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(SummaryStatus.Ok, stored?.Document?.Status);
        Assert.Equal(ModelProvider.ExtractiveFallback, stored?.Document?.Model.Provider);
        Assert.Contains("attempt 2:", stored?.Document?.UnavailableReason, StringComparison.Ordinal);
        VerifyModelCalls(2);
    }

    [Fact]
    public async Task HandleRetryPoisonMessageAsync_WaitingMarker_WritesFailedWithTheHistory()
    {
        var sut = await DeferredOnceAsync();

        var outcome = await sut.HandleRetryPoisonMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Failed, stored?.Document?.Status);
        Assert.Contains("attempt 1:", stored?.Document?.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_ForgedForAScheduledVersion_LeavesTheScheduleAlone()
    {
        // The ETag is readable from GET /api/summaries/{name}; the blob trigger never gives up on a version whose run
        // ended in a schedule, so such a message is stale or forged.
        var sut = await DeferredOnceAsync();
        var forged = JsonSerializer.Serialize(new { ContainerName = "articles", BlobName = Name, ETag = etag });

        var outcome = await sut.HandlePoisonMessageAsync(forged, CancellationToken.None);

        Assert.Equal(ProcessingResult.Superseded, outcome.Result);
        Assert.Equal(SummaryStatus.Waiting, stored?.Document?.Status);
        Assert.Equal(scheduled[0].Message.RetryAt, stored?.Document?.RetryAt);
    }

    [Fact]
    public async Task HandleRetryPoisonMessageAsync_NamingAnotherSchedule_WritesNothing()
    {
        var sut = await DeferredOnceAsync();
        var forged = scheduled[0].Message with { RetryAt = scheduled[0].Message.RetryAt.AddMinutes(5) };

        var outcome = await sut.HandleRetryPoisonMessageAsync(forged.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Superseded, outcome.Result);
        Assert.Equal(SummaryStatus.Waiting, stored?.Document?.Status);
    }

    [Fact]
    public async Task HandleRetryPoisonMessageAsync_ForVersionNeverScheduled_WritesNothing()
    {
        // No result at all: a failed result would stop the trigger from ever summarising this version.
        var forged = new RetryMessage("articles", Name, etag, 1, time.GetUtcNow(), time.GetUtcNow(), ["forged"]);

        var outcome = await CreateSut().HandleRetryPoisonMessageAsync(forged.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Superseded, outcome.Result);
        Assert.Null(stored);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_ForgedHugeDeferralCount_IsIgnoredAndTheRealScheduleStillRuns()
    {
        var sut = await DeferredOnceAsync();
        var json = scheduled[0].Message.ToJson().Replace("\"deferrals\":1", "\"deferrals\":2147483647", StringComparison.Ordinal);
        GivenModelAnswers();
        time.Advance(scheduled[0].Delay);

        var forged = await sut.HandleRetryMessageAsync(json, CancellationToken.None);
        var real = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.ArticleGone, forged.Result); // not a message the service writes: touches nothing
        Assert.Equal(ProcessingResult.Written, real.Result);
        Assert.Equal(SummaryStatus.Ok, stored?.Document?.Status);
        Assert.Single(scheduled);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_ScheduleWithCountBeyondTheMaximum_GivesUpCleanly()
    {
        var sut = await DeferredOnceAsync();
        var beyond = scheduled[0].Message with { Deferrals = retryOptions.MaxDeferrals + 5 };
        time.Advance(scheduled[0].Delay);

        var outcome = await sut.HandleRetryMessageAsync(beyond.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Failed, stored?.Document?.Status);
        Assert.Contains($"through {retryOptions.MaxDeferrals + 6} attempts", stored?.Document?.Error?.Message, StringComparison.Ordinal);
        Assert.Single(scheduled);
    }

    [Theory]
    [InlineData("""{"container":"other","name":"news/today.txt","etag":"\"v1\"","deferrals":1,"firstDeferredAt":"2026-11-29T10:00:00Z","retryAt":"2026-11-29T10:00:30Z","history":[]}""")]
    [InlineData("garbage")]
    public async Task HandleRetryMessageAsync_NotOurs_TouchesNothing(string message)
    {
        var outcome = await CreateSut().HandleRetryMessageAsync(message, CancellationToken.None);

        Assert.Equal(ProcessingResult.ArticleGone, outcome.Result);
        store.Verify(s => s.GetArticleAsync(It.IsAny<string>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
        VerifyModelCalls(0);
    }

    [Fact]
    public async Task HandleRetryMessageAsync_MootSchedule_DecidesWithoutDownloadingTheArticle()
    {
        // A stale (or forged) message for a hostile article must not make the service download and parse it again.
        var sut = await DeferredOnceAsync();
        time.Advance(scheduled[0].Delay);
        await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);
        store.Invocations.Clear();

        var duplicate = await sut.HandleRetryMessageAsync(scheduled[0].Message.ToJson(), CancellationToken.None);

        Assert.Equal(ProcessingResult.Superseded, duplicate.Result);
        VerifyContentReads(0);
    }

    [Fact]
    public async Task ProcessAsync_ResultCurrentForThisVersion_DecidesWithoutDownloadingTheArticle()
    {
        var sut = await SummarisedOnceAsync();

        var again = await sut.ProcessAsync(Name, CancellationToken.None); // a duplicate trigger, a sweep, a backfill

        Assert.Equal(ProcessingResult.AlreadyCurrent, again.Result);
        VerifyContentReads(0);
        VerifyModelCalls(1);
    }

    [Fact]
    public async Task ProcessAsync_NewVersionOfAnArticleWithAResult_ReadsItOnce()
    {
        var sut = await SummarisedOnceAsync();
        etag = "\"v2\"";

        var outcome = await sut.ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result); // the same text: its result is refreshed, not re-made
        VerifyContentReads(1);
        VerifyModelCalls(1);
    }

    /// <summary>The model answers: the first run writes <c>ok</c>; the store's calls so far are forgotten.</summary>
    private async Task<ArticleProcessor> SummarisedOnceAsync()
    {
        GivenModelAnswers();
        var sut = CreateSut();
        await sut.ProcessAsync(Name, CancellationToken.None);
        store.Invocations.Clear();
        return sut;
    }

    /// <summary>The model is down (no Retry-After): the first run schedules an attempt and writes <c>waiting</c>.</summary>
    private async Task<ArticleProcessor> DeferredOnceAsync()
    {
        GivenModelUnavailable(retryAfter: null);
        var sut = CreateSut();
        await sut.ProcessAsync(Name, CancellationToken.None);
        return sut;
    }

    private void VerifyContentReads(int count) =>
        store.Verify(s => s.GetArticleAsync(Name, It.Is<long>(maxBytes => maxBytes > 0), It.IsAny<CancellationToken>()), Times.Exactly(count));

    private void VerifyModelCalls(int count) =>
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Exactly(count));

    private void GivenModelUnavailable(TimeSpan? retryAfter) =>
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ModelUnavailableException("The model answered HTTP 503 on every attempt.", throttled: false, retryAfter, new HttpRequestException("503")));

    private void GivenModelAnswers() =>
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestData.ModelContent());

    private ArticleProcessor CreateSut()
    {
        var options = Options.Create(summarizerOptions);
        return TestProcessors.Create(store.Object, TestProcessors.Summaries(summarizer.Object, options, time), options, time, queue.Object, new RetryPlanner(Options.Create(retryOptions), time, () => 0.5));
    }
}
