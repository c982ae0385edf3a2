using System.Text.RegularExpressions;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Text;

static class Analyze
{
    static string N(string s) => Regex.Replace(ArabicNormalizer.Normalize(s), @"\s+", " ").Trim();

    public static void Units(IReadOnlyList<EvaluationDocument> docs)
    {
        long total = 0, covered = 0; var shown = 0;
        var refSentences = 0; var exact = 0;
        foreach (var d in docs)
        {
            var sents = SentenceSplitter.Split(d.Text).Select(s => N(s.Text)).Where(s => s.Length > 0).ToList();
            foreach (var r in d.References)
            {
                var nr = N(r);
                var mask = new bool[nr.Length];
                foreach (var s in sents)
                {
                    var at = nr.IndexOf(s, StringComparison.Ordinal);
                    if (at >= 0) { exact++; for (var k = at; k < at + s.Length; k++) mask[k] = true; }
                }
                total += nr.Count(c => c != ' ');
                covered += Enumerable.Range(0, nr.Length).Count(k => mask[k] && nr[k] != ' ');
                // uncovered stretches
                var sb = new System.Text.StringBuilder();
                for (var k = 0; k < nr.Length; k++)
                {
                    if (!mask[k]) sb.Append(nr[k]); else if (sb.Length > 0 && sb[^1] != '|') sb.Append('|');
                }
                var rest = sb.ToString().Split('|').Select(x => x.Trim()).Where(x => x.Length > 15).ToList();
                if (rest.Count > 0 && shown < 12) { shown++; Console.WriteLine($"{d.Id}: {string.Join(" || ", rest.Take(2))}"); }
            }
        }
        Console.WriteLine($"reference chars covered by whole sentences: {100.0 * covered / total:0.0}% ; sentence hits {exact}");
    }
}
