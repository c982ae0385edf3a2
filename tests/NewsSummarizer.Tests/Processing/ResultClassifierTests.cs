using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Processing;

public sealed class ResultClassifierTests
{
    private const string Provider = "AzureOpenAI";
    private static readonly ModelProvider Configured = ModelProvider.AzureOpenAI;
    private const string Prompt = "bilingual-1";
    private static readonly string Sha = new('a', 64);
    private static readonly ArticleVersion Read = new("\"v2\"", Sha);
    private static readonly ArticleVersion Listed = new("\"v1\"", null);

    [Fact]
    public void Classify_NoResult_IsMissing() =>
        Assert.Equal(ResultState.Missing, ResultClassifier.Classify(null, Read, Configured, Prompt));

    [Fact]
    public void Classify_DocumentWithNullModelOrSource_IsMissingWithoutThrowing()
    {
        Assert.Equal(ResultState.Missing, ResultClassifier.Classify(Document() with { Model = null! }, Read, Configured, Prompt));
        Assert.Equal(ResultState.Missing, ResultClassifier.Classify(Document() with { Source = null! }, Listed, Configured, Prompt));
        Assert.Equal(ResultState.Missing, ResultClassifier.Classify(Document() with { Model = Document().Model with { Provider = null! } }, Listed, Configured, Prompt));
    }

    [Fact]
    public void Classify_SameTextUploadedAgain_IsCurrentOnceTheTextIsRead() =>
        Assert.Equal(ResultState.Current, ResultClassifier.Classify(Document(), Read, Configured, Prompt));

    [Fact]
    public void Classify_ListingOnlyAndSameVersion_IsCurrent() =>
        Assert.Equal(ResultState.Current, ResultClassifier.Classify(Document(), Listed, Configured, Prompt));

    [Theory]
    [InlineData("other", Provider, Prompt)]
    [InlineData(null, "OpenAI", Prompt)]
    [InlineData(null, Provider, "bilingual-0")]
    public void Classify_OtherTextProviderOrPrompt_IsStale(string? sha, string provider, string prompt) =>
        Assert.Equal(ResultState.Stale, ResultClassifier.Classify(Document(sha ?? Sha, provider, prompt), Read, Configured, Prompt));

    [Theory]
    [InlineData(null, "brief", ResultState.Stale)]
    [InlineData("brief", null, ResultState.Stale)]
    [InlineData("3", "brief", ResultState.Stale)]
    [InlineData("long", "medium", ResultState.Stale)]
    [InlineData(null, null, ResultState.Current)]
    [InlineData("brief", "brief", ResultState.Current)]
    [InlineData("brief", "1", ResultState.Current)]
    [InlineData("4", "medium", ResultState.Current)]
    public void Classify_ResultLength_IsCurrentOnlyForTheLengthAskedNow(string? made, string? asked, ResultState expected)
    {
        SummaryLength.TryParse(asked, out var length, out _);

        Assert.Equal(expected, ResultClassifier.Classify(Document() with { Length = made }, Read, Configured, Prompt, length));
    }

    [Fact]
    public void Classify_FailedForAnotherLength_IsStillFailed()
    {
        SummaryLength.TryParse("brief", out var length, out _);

        Assert.Equal(ResultState.Failed, ResultClassifier.Classify(
            Document() with { Status = SummaryStatus.Failed, Error = new ErrorInfo("retries-exhausted", "x") }, Read, Configured, Prompt, length));
    }

    [Fact]
    public void Classify_FallbackForThisText_IsFallback() =>
        Assert.Equal(ResultState.Fallback, ResultClassifier.Classify(Document(provider: ModelProvider.ExtractiveFallback.Name, prompt: "extractive-1"), Read, Configured, Prompt));

    [Fact]
    public void Classify_FailedForThisVersion_IsFailed() =>
        Assert.Equal(ResultState.Failed, ResultClassifier.Classify(
            Document() with { Status = SummaryStatus.Failed, Error = new ErrorInfo("retries-exhausted", "x") }, Listed, Configured, Prompt));

    [Fact]
    public void Classify_RejectedForThisText_IsCurrent() =>
        Assert.Equal(ResultState.Current, ResultClassifier.Classify(
            Document() with { Status = SummaryStatus.Rejected, Error = new ErrorInfo("too-short", "x") }, Read, Configured, Prompt));

    [Theory]
    [InlineData(ResultState.Missing, false)]
    [InlineData(ResultState.Stale, false)]
    [InlineData(ResultState.Current, true)]
    [InlineData(ResultState.Fallback, true)]
    [InlineData(ResultState.Failed, true)]
    public void IsSettled_State_TellsWhetherTheServiceIsDoneWithThisVersion(ResultState state, bool settled) =>
        Assert.Equal(settled, state.IsSettled());

    [Fact]
    public void Classify_UploadOfIdenticalTextWhoseOldResultNamesTheOldETag_IsSettledForUploadWait() =>
        Assert.True(ResultClassifier.Classify(Document(), new ArticleVersion("\"v9\"", Sha), Configured, Prompt).IsSettled());

    private static SummaryDocument Document(string? sha = null, string provider = Provider, string prompt = Prompt) => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Summary = new LocalizedText(null, "Summary"),
        Source = new SourceInfo("articles", "x.txt", "\"v1\"", sha ?? Sha, "text/plain", 10, "utf-8"),
        Model = new ModelUsage(ModelProvider.Parse(provider), "m", prompt, null, null),
    };
}
