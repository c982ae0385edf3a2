using NewsSummarizer.Articles;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;
using Xunit.Abstractions;

namespace NewsSummarizer.QualityGates;

/// <summary>The extractive summariser against Lead-⅓ on EASC dev (ratio 0.33, Arabic-normalised, no stemming).</summary>
public sealed class EascQualityGateTests(ITestOutputHelper output)
{
    private const double Ratio = 0.33;

    [Fact]
    public async Task EvaluateAsync_EascDev_LeadThirdMatchesPublishedBaseline()
    {
        var lead = (await EvaluateAsync()).Systems.Single(s => s.System == "Lead-0.33");

        // Published for this split: 46.46 / 40.06 / 42.37; reproducing it validates splitting and normalisation.
        Assert.InRange(lead.Rouge.Rouge1.F1 * 100, 46.16, 46.76);
        Assert.InRange(lead.Rouge.Rouge2.F1 * 100, 39.76, 40.36);
        Assert.InRange(lead.Rouge.RougeL.F1 * 100, 42.07, 42.67);
    }

    [Fact]
    public async Task EvaluateAsync_EascDev_ExtractiveBeatsLeadThird()
    {
        var report = await EvaluateAsync();
        var ours = report.Systems.Single(s => s.System == "Extractive");
        var lead = report.Systems.Single(s => s.System == "Lead-0.33");

        Assert.True(ours.Rouge.Rouge1.F1 >= lead.Rouge.Rouge1.F1 + 0.01, "ROUGE-1 must beat Lead-⅓ by 1 point.");
        Assert.True(ours.MeanWords <= lead.MeanWords, "Summaries must not be longer than Lead-⅓'s.");
        Assert.True(ours.Rouge.Rouge2.F1 >= lead.Rouge.Rouge2.F1, "ROUGE-2 must not fall below Lead-⅓.");
        Assert.True(ours.Rouge.RougeL.F1 >= lead.Rouge.RougeL.F1, "ROUGE-L must not fall below Lead-⅓.");
    }

    private async Task<EvaluationReport> EvaluateAsync()
    {
        var documents = EascDataset.Load(SharedData.Directory("easc-dev"));
        var report = await new SummaryEvaluator(new ExtractiveSummarizer())
            .EvaluateAsync(documents, ArticleLanguage.Arabic, Ratio, CancellationToken.None);
        foreach (var s in report.Systems)
        {
            output.WriteLine(
                $"{s.System,-12} R1 {s.Rouge.Rouge1.F1 * 100:F2}  R2 {s.Rouge.Rouge2.F1 * 100:F2}  "
                + $"RL {s.Rouge.RougeL.F1 * 100:F2}  words {s.MeanWords:F1}");
        }

        return report;
    }
}
