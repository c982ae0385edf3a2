using System.Globalization;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Evaluation;

/// <summary>The settings cross-validation chooses among: a small grid around <see cref="ExtractiveOptions.Default"/>.</summary>
public static class ExtractiveTuning
{
    public static IReadOnlyList<TuningCandidate> Candidates()
    {
        var list = new List<TuningCandidate>();
        foreach (var position in new[] { 2.0, 4.0, 8.0 })
        {
            foreach (var paragraph in new[] { 0.0, 0.3, 1.0 })
            {
                foreach (var share in new[] { 0.85, 0.9, 0.95 })
                {
                    var options = ExtractiveOptions.Default with
                    {
                        PositionWeight = position,
                        ParagraphStartWeight = paragraph,
                        WordTargetShare = share,
                    };
                    list.Add(new TuningCandidate(Name(("position", position), ("paragraph", paragraph), ("share", share)), options));
                }
            }
        }

        return list;
    }

    private static string Name(params (string Key, double Value)[] settings) =>
        string.Join(' ', settings.Select(s => s.Key + "=" + s.Value.ToString("0.###", CultureInfo.InvariantCulture)));
}
