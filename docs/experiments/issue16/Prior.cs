using NewsSummarizer.Articles;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;

static class Prior
{
    public static List<double[]> Shares(IReadOnlyList<EvaluationDocument> docs)
    {
        var s = new ExtractiveSummarizer();
        var result = new List<double[]>();
        foreach (var d in docs)
        {
            var sentences = s.Prepare(new Article(d.Text, null, "ar")).Sentences;
            var refs = d.References.Select(r => Tokens(r).ToHashSet(StringComparer.Ordinal)).ToList();
            var shares = new double[sentences.Count];
            for (var i = 0; i < sentences.Count; i++)
            {
                var t = Tokens(sentences[i].Text);
                if (t.Length == 0) continue;
                shares[i] = refs.Count(r => t.Count(r.Contains) >= 0.8 * t.Length) / (double)refs.Count;
            }
            result.Add(shares);
        }
        return result;
    }

    public static double[] Fit(List<double[]> shares, Func<int, bool> include)
    {
        var sum = new double[PositionPriorTable.Length];
        var n = new int[PositionPriorTable.Length];
        for (var d = 0; d < shares.Count; d++)
        {
            if (!include(d)) continue;
            for (var i = 0; i < shares[d].Length; i++)
            {
                var b = PositionPriorTable.Bucket(i, shares[d].Length);
                sum[b] += shares[d][i]; n[b]++;
            }
        }
        return sum.Select((x, b) => n[b] == 0 ? 0 : Math.Round(x / n[b], 2)).ToArray();
    }

    static string[] Tokens(string text) =>
        ArabicNormalizer.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToArray();
}
