using NewsSummarizer.Articles;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;
using Xunit.Abstractions;

namespace NewsSummarizer.QualityGates;

/// <summary>The extractive summariser against the lead cut to its own length on EASC dev (ratio 0.33,
/// Arabic-normalised, no stemming), in- and out-of-sample.</summary>
public sealed class EascQualityGateTests(ITestOutputHelper output)
{
    private const double Ratio = 0.33;

    // Five-fold cross-validation measures +1.27 ROUGE-1 / +1.48 ROUGE-2 over the length-matched lead on the fixed folds
    // and +1.25 / +1.46 averaged over 20 dealings (docs/quality.md). The gate holds the 20-dealing mean at issue 16's
    // 1.0: one dealing of 70 articles moves by tenths of a point with the split, so a gate on it alone would pass or
    // fail a change by where the folds happen to fall.
    private const double CrossValidatedRouge1Margin = 0.010;
    private const int Dealings = 20;
    private const int Folds = 5;

    // The references are whole article sentences picked by people (cut off at the end when very long: the collection
    // tool truncated them), so the share of their text that our sentences cover checks the splitting and the
    // normalisation against the humans' own units: 73.9 % now, 42.0 % when "نوح.و تعني" stayed one sentence.
    [Fact]
    public void Split_EascDevReferences_AreMostlyWholeArticleSentences()
    {
        var documents = EascDataset.Load(SharedData.Directory("easc-dev"));
        long letters = 0, covered = 0;
        foreach (var document in documents)
        {
            var sentences = SentenceSplitter.Split(document.Text).Select(s => Normalized(s.Text)).ToList();
            foreach (var reference in document.References.Select(Normalized))
            {
                var mask = new bool[reference.Length];
                foreach (var sentence in sentences)
                {
                    for (var at = reference.IndexOf(sentence, StringComparison.Ordinal); at >= 0;
                         at = reference.IndexOf(sentence, at + 1, StringComparison.Ordinal))
                    {
                        Array.Fill(mask, true, at, sentence.Length);
                    }
                }

                for (var i = 0; i < reference.Length; i++)
                {
                    letters += reference[i] == ' ' ? 0 : 1;
                    covered += mask[i] && reference[i] != ' ' ? 1 : 0;
                }
            }
        }

        var share = (double)covered / letters;
        output.WriteLine($"reference text covered by whole article sentences: {share:P1}");
        Assert.True(share >= 0.7, $"Only {share:P1} of the references' text is whole article sentences; splitting or normalisation drifted.");
    }

    [Fact]
    public async Task EvaluateAsync_EascDev_ExtractiveBeatsLengthMatchedLead()
    {
        var report = await EvaluateAsync();
        var ours = report["Extractive"];
        var lead = report[SummaryEvaluator.LengthMatchedLeadName];

        Assert.Equal(lead.MeanWords, ours.MeanWords, 6);
        Assert.True(ours.Rouge.Rouge1.F1 >= lead.Rouge.Rouge1.F1 + CrossValidatedRouge1Margin, "ROUGE-1 must beat the length-matched lead by the cross-validated margin.");
        Assert.True(ours.Rouge.Rouge2.F1 >= lead.Rouge.Rouge2.F1, "ROUGE-2 must not fall below the length-matched lead.");
        Assert.True(ours.Rouge.RougeL.F1 >= lead.Rouge.RougeL.F1, "ROUGE-L must not fall below the length-matched lead.");
    }

    [Fact]
    public void Run_EascDevFiveFolds_HeldOutBeatsLengthMatchedLead()
    {
        var documents = EascDataset.Load(SharedData.Directory("easc-dev"));

        var report = CrossValidation.Run(documents, ArticleLanguage.Arabic, Ratio, Folds, ExtractiveTuning.Candidates(), CancellationToken.None, Dealings);

        foreach (var f in report.Folds)
        {
            output.WriteLine(
                $"fold {f.Fold}  R1 {f.Summary.Rouge.Rouge1.F1 * 100:F2} / {f.Lead.Rouge.Rouge1.F1 * 100:F2}  "
                + $"R2 {f.Summary.Rouge.Rouge2.F1 * 100:F2} / {f.Lead.Rouge.Rouge2.F1 * 100:F2}  words {f.Summary.MeanWords:F1}  chosen {f.Chosen}");
        }

        output.WriteLine($"held-out mean  R1 {report.Summary.Rouge.Rouge1.F1 * 100:F2} / {report.Lead.Rouge.Rouge1.F1 * 100:F2} ({report.Rouge1Margin:+0.00;-0.00})  "
            + $"R2 {report.Summary.Rouge.Rouge2.F1 * 100:F2} / {report.Lead.Rouge.Rouge2.F1 * 100:F2} ({report.Rouge2Margin:+0.00;-0.00})");
        output.WriteLine($"held-out mean over {Dealings} dealings  R1 margin {report.RepeatedRouge1Margin:+0.00;-0.00} (lowest {report.Partitions.Min(p => p.Rouge1Margin):+0.00;-0.00})  "
            + $"R2 margin {report.RepeatedRouge2Margin:+0.00;-0.00} (lowest {report.Partitions.Min(p => p.Rouge2Margin):+0.00;-0.00})");
        Assert.True(report.RepeatedRouge1Margin >= CrossValidatedRouge1Margin * 100, $"Held-out ROUGE-1 margin {report.RepeatedRouge1Margin:F2} (mean of {Dealings} dealings) is below the gate.");
        Assert.True(report.RepeatedRouge2Margin >= 0, $"Held-out ROUGE-2 margin {report.RepeatedRouge2Margin:F2} (mean of {Dealings} dealings) is negative.");
    }

    [Fact]
    public void Best_AllEascDev_IsTheShippedDefault()
    {
        var documents = EascDataset.Load(SharedData.Directory("easc-dev"));
        var candidates = ExtractiveTuning.Candidates();
        var scores = CrossValidation.Score(documents, ArticleLanguage.Arabic, Ratio, candidates, CancellationToken.None);

        var best = candidates[CrossValidation.Best(scores, _ => true)];

        Assert.True(best.Options == ExtractiveOptions.Default, $"Tuning on all of EASC dev chooses '{best.Name}', not the defaults.");
    }

    private static string Normalized(string text) =>
        string.Join(' ', ArabicNormalizer.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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
