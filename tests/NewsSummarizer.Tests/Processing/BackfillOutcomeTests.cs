using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Processing;

public sealed class BackfillOutcomeTests
{
    [Theory]
    [InlineData(SummaryStatus.Ok, "ok", false)]
    [InlineData(SummaryStatus.Rejected, "rejected", false)]
    [InlineData(SummaryStatus.Waiting, "waiting", false)]
    [InlineData(SummaryStatus.Failed, "failed", true)]
    public void Of_WrittenDocument_IsItsStatus(SummaryStatus status, string label, bool failure)
    {
        var outcome = BackfillOutcome.Of(new ProcessingOutcome(ProcessingResult.Written, Document(status)));

        Assert.Equal(label, outcome.ToString());
        Assert.Equal(failure, outcome.IsFailure);
        Assert.Equal((BackfillOutcome)status, outcome);
    }

    [Fact]
    public void Of_NoDocument_IsWhatProcessingDid()
    {
        var outcome = BackfillOutcome.Of(new ProcessingOutcome(ProcessingResult.Superseded));

        Assert.Equal("Superseded", outcome.ToString());
        Assert.False(outcome.IsFailure);
    }

    [Fact]
    public void Threw_Exception_IsAFailureNamedAfterItsType()
    {
        var outcome = BackfillOutcome.Threw(new TimeoutException());

        Assert.Equal("error: TimeoutException", outcome.ToString());
        Assert.True(outcome.IsFailure);
    }

    private static SummaryDocument Document(SummaryStatus status) => new()
    {
        Status = status,
        Language = ArticleLanguage.English,
        Source = new SourceInfo("articles", "x.txt", "\"1\"", null, "text/plain", 10, "utf-8"),
        Model = new ModelUsage(ModelProvider.OpenAI, "m", "bilingual-1", null, null),
    };
}
