using System.Globalization;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Evaluation;

/// <summary>The settings cross-validation chooses among: 16 points around <see cref="ExtractiveOptions.Default"/>,
/// varying the lead bias, the slow fade over the article and the length target. Everything else (LexRank
/// centrality weight 1, MMR λ 0.85, no length normalisation, no paragraph bonus) is fixed. The default options must
/// be the candidate chosen on all of EASC dev (a quality gate checks it).</summary>
/// <remarks>Small on purpose: grids of 324 and 432 points over six weights fitted the training folds as well and
/// the held-out folds worse (docs/quality.md).</remarks>
public static class ExtractiveTuning
{
    public static IReadOnlyList<TuningCandidate> Candidates()
    {
        var list = new List<TuningCandidate>();
        foreach (var position in new[] { 1.0, 4.0 })
        {
            foreach (var remaining in new[] { 1.0, 2.0 })
            {
                foreach (var share in new[] { 0.9, 1.0 })
                {
                    foreach (var spread in new[] { 2, 3 })
                    {
                        var options = ExtractiveOptions.Default with
                        {
                            PositionWeight = position,
                            RemainingWeight = remaining,
                            WordTargetShare = share,
                            CountSpread = spread,
                        };
                        list.Add(new TuningCandidate(
                            Name(("position", position), ("remaining", remaining), ("share", share), ("spread", spread)), options));
                    }
                }
            }
        }

        return list;
    }

    private static string Name(params (string Key, double Value)[] settings) =>
        string.Join(' ', settings.Select(s => s.Key + "=" + s.Value.ToString("0.###", CultureInfo.InvariantCulture)));
}
