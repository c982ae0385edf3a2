using Microsoft.Extensions.Logging.Abstractions;

namespace NewsSummarizer.IntegrationTests.Processing;

/// <summary>Issue 14's races, planted results, hostile names and poison messages against real Azurite: real ETags,
/// real conditional writes, real URL handling in the SDK.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResultTrustTests(AzuriteFixture azurite)
{
    private const string Name = "news/story.txt";
    private static readonly string Version1 = Article("Tuesday");
    private static readonly string Version2 = Article("Wednesday");
    private int modelCalls;

    [Fact]
    public async Task ProcessAsync_SlowInstanceOnOldVersionWritesFirst_NewerUploadEndsWithItsOwnResult()
    {
        var (container, store) = await CreateStoreAsync();
        await container.GetBlobClient(Name).UploadAsync(BinaryData.FromString(Version1));
        var interleaved = new InterleavingArticleStore(store);
        var inModel = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var slow = CreateSut(interleaved, async () => { inModel.TrySetResult(); await release.Task; });
        var fast = CreateSut(interleaved);
        var slowRun = slow.ProcessAsync(Name, CancellationToken.None);
        await inModel.Task;
        await container.GetBlobClient(Name).UploadAsync(BinaryData.FromString(Version2), overwrite: true);
        var slowWrote = new TaskCompletionSource();
        interleaved.AfterWrite = (document, written) => { if (written && document.Source.Sha256 == Sha(Version1)) { slowWrote.TrySetResult(); } };
        interleaved.BeforeWrite = async document =>
        {
            if (document.Source.Sha256 == Sha(Version2))
            {
                release.TrySetResult();
                await slowWrote.Task;
            }
        };

        var fastOutcome = await fast.ProcessAsync(Name, CancellationToken.None);
        var slowOutcome = await slowRun;
        var stored = await store.GetResultAsync(Name, CancellationToken.None);
        var article = await store.GetArticleAsync(Name, 0, CancellationToken.None);

        Assert.Equal((ProcessingResult.Written, ProcessingResult.Written), (slowOutcome.Result, fastOutcome.Result));
        Assert.Equal(Sha(Version2), stored?.Document?.Source.Sha256);
        Assert.Equal(article?.ETag, stored?.Document?.Source.ETag);
        Assert.Equal(2, modelCalls);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("source")]
    public async Task ProcessAsync_PlantedResultWithNullField_IsReplacedAndBackfillGoesOn(string field)
    {
        var (container, store) = await CreateStoreAsync();
        await container.GetBlobClient("ok.txt").UploadAsync(BinaryData.FromString(Version1));
        await container.GetBlobClient(Name).UploadAsync(BinaryData.FromString(Version1));
        await container.GetBlobClient("other.txt").UploadAsync(BinaryData.FromString(Version2));
        var sut = CreateSut(store);
        await sut.ProcessAsync("ok.txt", CancellationToken.None);
        var planted = JsonNode.Parse((await container.GetBlobClient("ok.txt.summary.json").DownloadContentAsync()).Value.Content.ToString())!;
        planted[field] = null;
        await container.GetBlobClient(Name + ".summary.json").UploadAsync(BinaryData.FromString(planted.ToJsonString()));
        var backfill = new BackfillService(store, sut, Summaries(), NullLogger<BackfillService>.Instance);

        var plan = await backfill.PlanAsync(BackfillSelection.All, CancellationToken.None);
        var counts = await backfill.RunAsync(plan, 2, null, CancellationToken.None);

        Assert.Equal([(Name, BackfillSelection.Missing), ("other.txt", BackfillSelection.Missing)], plan.Select(c => (c.Name, c.Reason)).Order());
        Assert.Equal(2, counts[SummaryStatus.Ok]);
        Assert.Equal(Sha(Version1), (await store.GetResultAsync(Name, CancellationToken.None))?.Document?.Source.Sha256);
    }

    [Fact]
    public async Task GetResultAsync_PlantedOversizedResult_IsNotTrustedAndProcessingReplacesIt()
    {
        var (container, store) = await CreateStoreAsync();
        await container.GetBlobClient(Name).UploadAsync(BinaryData.FromString(Version1));
        await container.GetBlobClient(Name + ".summary.json").UploadAsync(BinaryData.FromBytes(new byte[SummaryJson.MaxResultBytes + 1]));

        var planted = await store.GetResultAsync(Name, CancellationToken.None);
        var outcome = await CreateSut(store).ProcessAsync(Name, CancellationToken.None);

        Assert.Null(planted?.Document);
        Assert.Contains("bytes", planted?.Problem, StringComparison.Ordinal);
        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Ok, (await store.GetResultAsync(Name, CancellationToken.None))?.Document?.Status);
    }

    [Fact]
    public async Task ProcessAsync_NameClimbingIntoAnotherContainer_IsRefusedAndWritesNothingThere()
    {
        var (_, store) = await CreateStoreAsync();
        var other = await azurite.CreateContainerAsync("other");
        await other.GetBlobClient("x.txt").UploadAsync(BinaryData.FromString(Version1));
        var name = $"a/../../{other.Name}/x.txt";

        var outcome = await CreateSut(store).ProcessAsync(name, CancellationToken.None);
        var poison = await CreateSut(store).HandlePoisonMessageAsync(
            $$"""{"ContainerName":"{{store.Container}}","BlobName":"{{name}}","ETag":"\"x\""}""", CancellationToken.None);

        Assert.Equal(ProcessingResult.InvalidName, outcome.Result);
        Assert.Equal(ProcessingResult.InvalidName, poison.Result);
        Assert.False((await other.GetBlobClient("x.txt.summary.json").ExistsAsync()).Value);
        Assert.Equal(0, modelCalls);
    }

    [Fact]
    public async Task HandlePoisonMessageAsync_MessageForAnOlderVersion_WritesNothingAndForThisVersionWritesFailed()
    {
        var (container, store) = await CreateStoreAsync();
        var failedVersion = (await container.GetBlobClient(Name).UploadAsync(BinaryData.FromString(Version1))).Value.ETag;
        var newVersion = (await container.GetBlobClient(Name).UploadAsync(BinaryData.FromString(Version2), overwrite: true)).Value.ETag;
        var sut = CreateSut(store);

        var old = await sut.HandlePoisonMessageAsync(Message(failedVersion.ToString()), CancellationToken.None);
        var resultAfterOld = await store.GetResultAsync(Name, CancellationToken.None);
        var current = await sut.HandlePoisonMessageAsync(Message(newVersion.ToString()), CancellationToken.None);
        var stored = (await store.GetResultAsync(Name, CancellationToken.None))?.Document;

        Assert.Equal(ProcessingResult.Superseded, old.Result);
        Assert.Null(resultAfterOld);
        Assert.Equal(ProcessingResult.Written, current.Result);
        Assert.Equal(SummaryStatus.Failed, stored?.Status);
        Assert.Equal((await store.GetArticleAsync(Name, 0, CancellationToken.None))?.ETag, stored?.Source.ETag);
        Assert.Equal(0, modelCalls);

        string Message(string etag) =>
            $$"""{"ContainerName":"{{store.Container}}","BlobName":"{{Name}}","ETag":{{System.Text.Json.JsonSerializer.Serialize(etag)}}}""";
    }

    [Fact]
    public async Task PlanAsync_IdenticalTextUploadedAgain_IsNotStaleAfterOneBackfill()
    {
        var (container, store) = await CreateStoreAsync();
        await container.GetBlobClient(Name).UploadAsync(BinaryData.FromString(Version1));
        var sut = CreateSut(store);
        await sut.ProcessAsync(Name, CancellationToken.None);
        await container.GetBlobClient(Name).UploadAsync(BinaryData.FromString(Version1), overwrite: true);
        var backfill = new BackfillService(store, sut, Summaries(), NullLogger<BackfillService>.Instance);

        var first = await backfill.PlanAsync(BackfillSelection.Stale, CancellationToken.None);
        await backfill.RunAsync(first, 1, null, CancellationToken.None);
        var second = await backfill.PlanAsync(BackfillSelection.Stale, CancellationToken.None);

        Assert.Equal([Name], first.Select(c => c.Name));
        Assert.Empty(second);
        Assert.Equal(1, modelCalls);
    }

    private static string Article(string day) =>
        $"The city council approved a new budget on {day} that raises spending on public transport by ten percent.\n" +
        "The mayor said the plan would add two bus lines and extend the hours of the metro on weekends.\n" +
        "Opposition members argued that the increase was not funded and would require new taxes next year.\n" +
        "The budget passed by seven votes to four after a debate that lasted more than five hours.";

    private static string Sha(string text) => ArticleText.Sha256(ArticleText.Normalize(text));

    private async Task<(BlobContainerClient Container, BlobArticleStore Store)> CreateStoreAsync()
    {
        var container = await azurite.CreateContainerAsync();
        return (container, new BlobArticleStore(azurite.BlobService, Options.Create(new StorageOptions { ArticlesContainer = container.Name })));
    }

    private SummaryService Summaries(Func<Task>? gate = null)
    {
        var summarizer = GatedSummarizer.Create(
            ModelProvider.OpenAI,
            article => new SummaryContent(
                new LocalizedText("عنوان", "Title"), new LocalizedText("ملخص", article.Text[..60]), new LocalizedList(["نقطة"], ["Point"]),
                new ModelUsage(ModelProvider.OpenAI, "fake", "bilingual-1", 10, 5), [], null),
            () => Interlocked.Increment(ref modelCalls),
            gate);
        return TestProcessors.Summaries(summarizer.Object, Options.Create(new SummarizerOptions()), TimeProvider.System);
    }

    private ArticleProcessor CreateSut(IArticleStore store, Func<Task>? gate = null) =>
        TestProcessors.Create(store, Summaries(gate), Options.Create(new SummarizerOptions()), TimeProvider.System);
}
