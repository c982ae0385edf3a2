using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Processing;

/// <summary>Two instances (two processors, so no shared in-process lock) on one store, with the interleavings of
/// issue 14 injected at the moment a result is written.</summary>
public sealed class ArticleProcessorRaceTests
{
    private const string Name = "news/race.txt";
    private const string Version1 = TestData.EnglishArticle;
    private static readonly string Version2 = TestData.EnglishArticle.Replace("Tuesday", "Wednesday", StringComparison.Ordinal)
        .Replace("seven votes to four", "eight votes to three", StringComparison.Ordinal);

    private readonly InMemoryArticleStore store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private int modelCalls;

    [Fact]
    public async Task ProcessAsync_SlowRunOnOldVersionWritesFirst_NewerRunStillEndsWithItsOwnResult()
    {
        var (slowRun, release) = await StartSlowRunAsync();
        var fast = CreateSut();
        store.PutArticle(Name, Version2);
        var slowWrote = new TaskCompletionSource();
        store.AfterWrite = (_, document) => { if (document.Source.Sha256 == Sha(Version1)) { slowWrote.TrySetResult(); } };
        store.BeforeWrite = async (_, document) =>
        {
            if (document.Source.Sha256 == Sha(Version2))
            {
                // The fast run is about to write v2: let the slow run write v1 first.
                release.TrySetResult();
                await slowWrote.Task;
            }
        };

        var fastOutcome = await fast.ProcessAsync(Name, CancellationToken.None);
        var slowOutcome = await slowRun;

        Assert.Equal(ProcessingResult.Written, slowOutcome.Result);
        Assert.Equal(ProcessingResult.Written, fastOutcome.Result);
        Assert.Equal([Sha(Version1), Sha(Version2)], store.Writes.Select(d => d.Source.Sha256));
        Assert.Equal(Sha(Version2), store.Result(Name)?.Source.Sha256);
        Assert.Equal(2, modelCalls);
    }

    [Fact]
    public async Task ProcessAsync_NewerVersionsResultWrittenWhileSlow_IsNeverOverwritten()
    {
        var (slowRun, release) = await StartSlowRunAsync();
        store.PutArticle(Name, Version2);
        Assert.Equal(ProcessingResult.Written, (await CreateSut().ProcessAsync(Name, CancellationToken.None)).Result);

        release.SetResult();
        var slowOutcome = await slowRun;

        Assert.Equal(ProcessingResult.AlreadyCurrent, slowOutcome.Result);
        Assert.Equal(Sha(Version2), store.Result(Name)?.Source.Sha256);
        Assert.Single(store.Writes);
    }

    [Fact]
    public async Task ProcessAsync_LostWriteAndArticleReplaced_LeavesTheNewVersionToItsOwnRunWithoutAnotherModelCall()
    {
        var (slowRun, release) = await StartSlowRunAsync();
        // Another run wrote a result of v1 meanwhile (so the slow run's write loses), then v2 arrived.
        Assert.Equal(ProcessingResult.Written, (await CreateSut().ProcessAsync(Name, CancellationToken.None)).Result);
        store.PutArticle(Name, Version2);

        release.SetResult();
        var outcome = await slowRun;

        Assert.Equal(ProcessingResult.Superseded, outcome.Result);
        Assert.Equal(2, modelCalls);
        Assert.Equal(Sha(Version1), store.Result(Name)?.Source.Sha256);
    }

    [Fact]
    public async Task ProcessAsync_LostWriteToResultOfOlderText_WritesItsOwnOutputWithoutAnotherModelCall()
    {
        store.PutArticle(Name, Version2);
        var writesSeen = 0;
        store.BeforeWrite = (_, _) =>
        {
            // Just before the first write, a result of the older text lands (a slow run elsewhere).
            if (Interlocked.Increment(ref writesSeen) == 1)
            {
                store.PutRawResult(Name, System.Text.Encoding.UTF8.GetString(SummaryJson.Serialize(OldResult())));
            }

            return Task.CompletedTask;
        };

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(Sha(Version2), store.Result(Name)?.Source.Sha256);
        Assert.Equal(1, modelCalls);
    }

    /// <summary>Starts a run on <see cref="Version1"/> that holds inside the model call until <c>Release</c> is set.</summary>
    private async Task<(Task<ProcessingOutcome> Run, TaskCompletionSource Release)> StartSlowRunAsync()
    {
        store.PutArticle(Name, Version1);
        var inModel = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var run = CreateSut(async () => { inModel.TrySetResult(); await release.Task; }).ProcessAsync(Name, CancellationToken.None);
        await inModel.Task;
        return (run, release);
    }

    private static SummaryDocument OldResult() => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Summary = new LocalizedText(null, "Old"),
        Source = new SourceInfo("articles", Name, "\"old\"", Sha(Version1), "text/plain", 10, "utf-8"),
        Model = new ModelUsage(ModelProvider.AzureOpenAI, "m", "bilingual-1", null, null),
    };

    private static string Sha(string text) => ArticleText.Sha256(ArticleText.Normalize(text));

    private ArticleProcessor CreateSut(Func<Task>? beforeReply = null)
    {
        var summarizer = GatedSummarizer.Create(
            ModelProvider.AzureOpenAI, article => TestData.ModelContent(summary: article.Text[..40]), () => Interlocked.Increment(ref modelCalls), beforeReply);
        var options = Options.Create(new SummarizerOptions());
        return TestProcessors.Create(store, TestProcessors.Summaries(summarizer.Object, options, time), options, time);
    }
}
