using System.Globalization;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var docs = EascDataset.Load("../shared/data/easc-dev");
var lang = "ar";
var mask = args.Length > 0 ? args[0] : "1111111111"; // which features may move
if (mask == "pointwise") { foreach (var inc in new[] { false, true }) foreach (var lg in new[] { false, true }) Pointwise.Run(docs, lang, inc, lg); return; }
ExtractiveOptions Opt(double[] w) => ExtractiveOptions.Default with { SentenceModel = SentenceModel.FromWeights(0, w) };
double[] start = [0, 1, 1, 0, 1, 0, 0, 0, 0, 0];
(double R1, double R2) Margin(IReadOnlyList<DocumentScores> s, Func<int, bool> inc)
{
    var idx = Enumerable.Range(0, s.Count).Where(inc).ToList();
    return (idx.Average(i => s[i].Summary.Rouge1.F1 - s[i].LengthMatchedLead.Rouge1.F1) * 100, idx.Average(i => s[i].Summary.Rouge2.F1 - s[i].LengthMatchedLead.Rouge2.F1) * 100);
}
double[] Ascend(Func<int, bool> train)
{
    var w = (double[])start.Clone();
    var cur = CrossValidation.Score(docs, lang, 0.33, [new TuningCandidate("c", Opt(w))], CancellationToken.None)[0];
    var curKey = Key(Margin(cur, train));
    var moves = 0;
    foreach (var step in new[] { 0.5, 0.25, 0.125 })
    {
        while (moves < 12)
        {
            var cands = new List<double[]>();
            for (var k = 0; k < w.Length; k++)
            {
                if (mask[k] != '1') continue;
                foreach (var sgn in new[] { 1.0, -1.0 }) { var v = (double[])w.Clone(); v[k] += sgn * step; cands.Add(v); }
            }
            var sc = CrossValidation.Score(docs, lang, 0.33, cands.Select(c => new TuningCandidate("c", Opt(c))).ToList(), CancellationToken.None);
            var best = -1; var bestKey = curKey;
            for (var c = 0; c < cands.Count; c++) { var key = Key(Margin(sc[c], train)); if (Better(key, bestKey)) { best = c; bestKey = key; } }
            if (best < 0) break;
            w = cands[best]; curKey = bestKey; moves++;
        }
    }
    return w;
}
static (bool, double) Key((double R1, double R2) m) => (m.R2 >= 0, m.R2 >= 0 ? m.R1 : m.R1 + m.R2);
static bool Better((bool, double) a, (bool, double) b) => (a.Item1 && !b.Item1) || (a.Item1 == b.Item1 && a.Item2 > b.Item2 + 1e-9);

var s0 = CrossValidation.Score(docs, lang, 0.33, [new TuningCandidate("c", Opt(start))], CancellationToken.None)[0];
Console.WriteLine($"start (hand weights as model) in {Margin(s0, _ => true)}");
var wall = Ascend(_ => true);
var sall = CrossValidation.Score(docs, lang, 0.33, [new TuningCandidate("c", Opt(wall))], CancellationToken.None)[0];
Console.WriteLine($"all-data fit {string.Join(" ", wall)} in {Margin(sall, _ => true)}");
foreach (var k in new[] { 5, 10 })
{
    var per = new List<(double, double)>();
    for (var f = 0; f < k; f++)
    {
        var ff = f;
        var w = Ascend(i => CrossValidation.FoldOf(i, k) != ff);
        var s = CrossValidation.Score(docs, lang, 0.33, [new TuningCandidate("c", Opt(w))], CancellationToken.None)[0];
        var m = Margin(s, i => CrossValidation.FoldOf(i, k) == ff);
        per.Add(m);
        Console.WriteLine($"  {k}f fold {f}: {m.R1:+0.00;-0.00} / {m.R2:+0.00;-0.00}  w {string.Join(" ", w)}");
    }
    Console.WriteLine($"{k} folds held-out: {per.Average(p => p.Item1):+0.00;-0.00} / {per.Average(p => p.Item2):+0.00;-0.00}");
}
