using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;
static class Pointwise
{
    public static void Run(IReadOnlyList<EvaluationDocument> docs, string lang, bool included, bool logistic)
    {
        foreach (var lam in new[] { 0.85, 1.0 })
        {
            Func<SentenceModel, ExtractiveOptions> opts = m => ExtractiveOptions.Default with { SentenceModel = m, MmrLambda = lam };
            var all = SentenceModelFit.Fit(docs, lang, ExtractiveOptions.Default, included, false, logistic);
            var fitted = new TuningCandidate("fit", opts(all))
            { Fit = (d, l) => opts(SentenceModelFit.Fit(d, l, ExtractiveOptions.Default, included, false, logistic)) };
            var inScores = CrossValidation.Score(docs, lang, 0.33, [fitted], CancellationToken.None);
            var line = $"label={(included ? "included" : "precision")} {(logistic ? "logistic" : "least-squares")} mmr={lam}  in {inScores[0].Average(d => d.Summary.Rouge1.F1 - d.LengthMatchedLead.Rouge1.F1) * 100:+0.00;-0.00} / {inScores[0].Average(d => d.Summary.Rouge2.F1 - d.LengthMatchedLead.Rouge2.F1) * 100:+0.00;-0.00}";
            foreach (var k in new[] { 5, 10 })
            {
                var r = CrossValidation.Run(docs, lang, 0.33, k, [fitted], CancellationToken.None);
                line += $"  {k}f {r.Rouge1Margin:+0.00;-0.00} / {r.Rouge2Margin:+0.00;-0.00}";
            }
            Console.WriteLine(line + "   weights " + string.Join(" ", all.Weights().Prepend(all.Intercept).Select(w => w.ToString("F3"))));
        }
    }
}
