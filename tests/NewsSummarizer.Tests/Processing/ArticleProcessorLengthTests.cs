namespace NewsSummarizer.Tests.Processing;

/// <summary>The <c>summary_length</c> metadata of an article blob reaches the summariser and the stored result, and a
/// result made for another length is summarised again.</summary>
public sealed class ArticleProcessorLengthTests
{
    private const string Name = "news/length.txt";

    private readonly InMemoryArticleStore store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly List<SummaryLength> asked = [];

    [Fact]
    public async Task ProcessAsync_SummaryLengthMetadata_AsksForItAndRecordsIt()
    {
        store.PutArticle(Name, TestData.EnglishArticle, metadata: new() { [ArticleBlob.SummaryLengthMetadata] = "brief" });

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(1, Assert.Single(asked).Sentences);
        Assert.Equal("brief", store.Result(Name)?.Length);
    }

    [Fact]
    public async Task ProcessAsync_NoMetadata_RecordsNoLength()
    {
        store.PutArticle(Name, TestData.EnglishArticle);

        await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.True(Assert.Single(asked).IsDefault);
        Assert.Null(store.Result(Name)?.Length);
    }

    [Fact]
    public async Task ProcessAsync_ResultForAnotherLength_IsStaleAndSummarisedAgain()
    {
        store.PutArticle(Name, TestData.EnglishArticle);
        var sut = CreateSut();
        await sut.ProcessAsync(Name, CancellationToken.None);
        store.PutArticle(Name, TestData.EnglishArticle, metadata: new() { [ArticleBlob.SummaryLengthMetadata] = "5" });

        var outcome = await sut.ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(2, asked.Count);
        Assert.Equal(5, asked[1].Sentences);
        Assert.Equal("5", store.Result(Name)?.Length);
    }

    [Fact]
    public async Task ProcessAsync_SameTextSameLengthUploadedAgain_IsCurrentWithoutAModelCall()
    {
        store.PutArticle(Name, TestData.EnglishArticle, metadata: new() { ["Summary_Length"] = "long" });
        var sut = CreateSut();
        await sut.ProcessAsync(Name, CancellationToken.None);
        store.PutArticle(Name, TestData.EnglishArticle, metadata: new() { ["summary_length"] = "LONG" });

        var outcome = await sut.ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        Assert.Single(asked);
    }

    [Fact]
    public async Task ProcessAsync_BadLengthMetadata_SummarisesAtTheDefaultLength()
    {
        store.PutArticle(Name, TestData.EnglishArticle, metadata: new() { [ArticleBlob.SummaryLengthMetadata] = "huge" });

        var outcome = await CreateSut().ProcessAsync(Name, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.True(Assert.Single(asked).IsDefault);
        Assert.Null(store.Result(Name)?.Length);
    }

    private ArticleProcessor CreateSut()
    {
        var summarizer = TestData.ModelSummarizer(promptVersion: "bilingual-3", asked: asked, summary: "Summary.");
        var options = Options.Create(new SummarizerOptions());
        return TestProcessors.Create(store, TestProcessors.Summaries(summarizer.Object, options, time), options, time);
    }
}
