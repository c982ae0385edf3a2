using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Processing;

public sealed class BackfillServiceTests
{
    private readonly InMemoryArticleStore store = new();
    private readonly Mock<ISummarizer> summarizer = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    public BackfillServiceTests()
    {
        summarizer.SetupGet(s => s.Provider).Returns(ModelProvider.AzureOpenAI);
        summarizer.SetupGet(s => s.PromptVersion).Returns("bilingual-1");
        summarizer.Setup(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestData.ModelContent());
    }

    [Fact]
    public async Task PlanAsync_IdenticalTextUploadedAgain_LeavesTheStaleSetAfterOneRun()
    {
        var (sut, processor) = CreateSut();
        store.PutArticle("a.txt", TestData.EnglishArticle);
        await processor.ProcessAsync("a.txt", CancellationToken.None);
        store.PutArticle("a.txt", TestData.EnglishArticle);

        var first = await sut.PlanAsync(BackfillSelection.Stale, CancellationToken.None);
        await sut.RunAsync(first, 1, null, CancellationToken.None);
        var second = await sut.PlanAsync(BackfillSelection.Stale, CancellationToken.None);

        Assert.Empty(second);
        summarizer.Verify(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PlanAsync_ProcessorSawIdenticalReupload_DoesNotListItAsStale()
    {
        var (sut, processor) = CreateSut();
        store.PutArticle("a.txt", TestData.EnglishArticle);
        await processor.ProcessAsync("a.txt", CancellationToken.None);
        var second = store.PutArticle("a.txt", TestData.EnglishArticle);

        var outcome = await processor.ProcessAsync("a.txt", CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        Assert.Equal(second, store.Result("a.txt")?.Source.ETag);
        Assert.Empty(await sut.PlanAsync(BackfillSelection.All, CancellationToken.None));
    }

    [Fact]
    public async Task PlanAsync_ResultForTheArticlesSummaryLength_IsNotStale()
    {
        var (sut, processor) = CreateSut();
        store.PutArticle("a.txt", TestData.EnglishArticle, metadata: new() { [ArticleBlob.SummaryLengthMetadata] = "brief" });
        await processor.ProcessAsync("a.txt", CancellationToken.None);

        Assert.Empty(await sut.PlanAsync(BackfillSelection.All, CancellationToken.None));
    }

    [Fact]
    public async Task PlanAsync_ArticleNowAsksForAnotherLength_ListsItAsStale()
    {
        var (sut, processor) = CreateSut();
        store.PutArticle("a.txt", TestData.EnglishArticle, metadata: new() { [ArticleBlob.SummaryLengthMetadata] = "brief" });
        await processor.ProcessAsync("a.txt", CancellationToken.None);
        store.PutArticle("a.txt", TestData.EnglishArticle, metadata: new() { [ArticleBlob.SummaryLengthMetadata] = "long" });

        var plan = await sut.PlanAsync(BackfillSelection.Stale, CancellationToken.None);

        Assert.Equal("a.txt", Assert.Single(plan).Name);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("source")]
    [InlineData("status")]
    public async Task PlanAsync_PlantedResultWithNullField_CountsAsMissingAndTheOthersAreStillPlanned(string field)
    {
        var (sut, processor) = CreateSut();
        store.PutArticle("bad.txt", TestData.EnglishArticle);
        store.PutArticle("new.txt", TestData.ArabicArticle);
        store.PutArticle("ok.txt", TestData.EnglishArticle);
        await processor.ProcessAsync("ok.txt", CancellationToken.None);
        var good = System.Text.Json.Nodes.JsonNode.Parse(SummaryJson.Serialize(store.Result("ok.txt")!))!;
        good[field] = null;
        store.PutRawResult("bad.txt", good.ToJsonString());

        var plan = await sut.PlanAsync(BackfillSelection.All, CancellationToken.None);

        Assert.Equal([("bad.txt", BackfillSelection.Missing), ("new.txt", BackfillSelection.Missing)], plan.Select(c => (c.Name, c.Reason)).Order());
    }

    [Fact]
    public async Task RunAsync_PlantedOversizedResult_IsReplaced()
    {
        var (sut, _) = CreateSut();
        store.PutArticle("big.txt", TestData.EnglishArticle);
        store.PutRawResult("big.txt", "{\"padding\":\"" + new string('x', SummaryJson.MaxResultBytes) + "\"}");

        var plan = await sut.PlanAsync(BackfillSelection.Missing, CancellationToken.None);
        var counts = await sut.RunAsync(plan, 1, null, CancellationToken.None);

        Assert.Equal(1, counts[SummaryStatus.Ok]);
        Assert.Equal(SummaryStatus.Ok, store.Result("big.txt")?.Status);
    }

    [Fact]
    public async Task FindMissedAsync_ArticleWithAnyLaterResultBlob_IsNotListed()
    {
        var (sut, _) = CreateSut();
        store.PutArticle("done.txt", TestData.EnglishArticle);
        store.PutRawResult("done.txt", "not json");
        store.PutArticle("todo.txt", TestData.EnglishArticle);

        var found = await sut.FindMissedAsync(new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal([("todo.txt", BackfillSelection.Missing)], found.Select(c => (c.Name, c.Reason)));
    }

    [Fact]
    public async Task FindMissedAsync_ArticleUploadedAgainAfterItsResult_IsListedWithThatVersion()
    {
        // A new summary_length (or new text) uploaded after the result was written: the polling trigger can miss the
        // upload, and the sweep must still take it, not only articles without any result.
        var (sut, processor) = CreateSut();
        store.PutArticle("a.txt", TestData.EnglishArticle, metadata: new() { ["summary_length"] = "brief" });
        await processor.ProcessAsync("a.txt", CancellationToken.None);
        var again = store.PutArticle("a.txt", TestData.EnglishArticle, metadata: new() { ["summary_length"] = "3" });

        var found = await sut.FindMissedAsync(new Dictionary<string, string>(), CancellationToken.None);
        await processor.ProcessAsync("a.txt", CancellationToken.None);
        var afterRun = await sut.FindMissedAsync(new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal([("a.txt", BackfillSelection.Stale, again)], found.Select(c => (c.Name, c.Reason, c.ETag)));
        Assert.Equal("3", store.Result("a.txt")?.Length);
        Assert.Empty(afterRun);
    }

    [Fact]
    public async Task FindMissedAsync_WrittenInTheSameSecondAsItsResult_IsListedOnlyWhenTheResultNamesAnotherVersion()
    {
        // Listings give Last-Modified to the second, so which came first cannot be told from them: a result made for
        // this very version (a final refusal, say) must not be taken again, a re-upload after it must.
        var (sut, processor) = CreateSut();
        store.AllInOneSecond = true;
        store.PutArticle("done.txt", TestData.EnglishArticle);
        await processor.ProcessAsync("done.txt", CancellationToken.None);
        store.PutArticle("again.txt", TestData.EnglishArticle, metadata: new() { ["summary_length"] = "brief" });
        await processor.ProcessAsync("again.txt", CancellationToken.None);
        var again = store.PutArticle("again.txt", TestData.EnglishArticle, metadata: new() { ["summary_length"] = "3" });

        var settled = new Dictionary<string, string>();
        var found = await sut.FindMissedAsync(settled, CancellationToken.None);
        var reads = store.ResultReads;
        var foundAgain = await sut.FindMissedAsync(settled, CancellationToken.None);

        Assert.Equal([("again.txt", BackfillSelection.Stale, again)], found.Select(c => (c.Name, c.Reason, c.ETag)));
        // The version its result answers is settled: the next sweep reads only the re-upload's result again.
        Assert.Equal(["done.txt"], settled.Keys);
        Assert.Equal(reads + 1, store.ResultReads);
        Assert.Equal(found, foundAgain);
    }

    [Fact]
    public async Task PlanAsync_ArticleWhoseResultNameWouldBeTooLong_IsLeftOutAndTheRestIsPlanned()
    {
        var (sut, _) = CreateSut();
        store.PutArticle(new string('a', 1008) + ".txt", TestData.EnglishArticle);
        store.PutArticle("b.txt", TestData.EnglishArticle);

        var plan = await sut.PlanAsync(BackfillSelection.All, CancellationToken.None);
        var sweep = await sut.FindMissedAsync(new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal(["b.txt"], plan.Select(c => c.Name));
        Assert.Equal(["b.txt"], sweep.Select(c => c.Name));
    }

    [Fact]
    public async Task PlanAsync_WaitingResultLongPastItsRetryAt_IsOverdueAndTheRunSummarisesIt()
    {
        var (sut, processor) = CreateSut();
        store.PutArticle("a.txt", TestData.EnglishArticle);
        summarizer.SetupSequence(s => s.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ModelUnavailableException("503 from the model"))
            .ReturnsAsync(TestData.ModelContent());
        await processor.ProcessAsync("a.txt", CancellationToken.None);
        var retryAt = store.Result("a.txt")!.RetryAt!.Value;
        Assert.Equal(SummaryStatus.Waiting, store.Result("a.txt")!.Status);

        time.SetUtcNow(retryAt + BackfillService.OverdueGrace - TimeSpan.FromSeconds(1));
        var early = await sut.PlanAsync(BackfillSelection.All, CancellationToken.None);
        time.SetUtcNow(retryAt + BackfillService.OverdueGrace + TimeSpan.FromSeconds(1));
        var late = await sut.PlanAsync(BackfillSelection.Overdue, CancellationToken.None);
        await sut.RunAsync(late, 1, null, CancellationToken.None);

        Assert.Empty(early);
        Assert.Equal([("a.txt", BackfillSelection.Overdue)], late.Select(c => (c.Name, c.Reason)));
        Assert.Equal(SummaryStatus.Ok, store.Result("a.txt")!.Status);
    }

    private (BackfillService Backfill, ArticleProcessor Processor) CreateSut()
    {
        var options = Options.Create(new SummarizerOptions());
        var summaries = TestProcessors.Summaries(summarizer.Object, options, time);
        var processor = TestProcessors.Create(store, summaries, options, time);
        return (new BackfillService(store, processor, summaries, NullLogger<BackfillService>.Instance, time), processor);
    }
}
