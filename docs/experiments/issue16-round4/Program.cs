using System.Globalization;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var docs = EascDataset.Load(args.Length > 1 ? args[1] : "../shared/data/easc-dev");
var baseGrid = ExtractiveTuning.Candidates();
var families = new List<(string Name, List<TuningCandidate> Grid)>();
List<TuningCandidate> Grid(string tag, Func<ExtractiveOptions, ExtractiveOptions> change) =>
    baseGrid.Select(c => new TuningCandidate(c.Name + " " + tag, change(c.Options))).ToList();
var which = args.Length > 0 ? args[0] : "base";
families.Add(("base", baseGrid.ToList()));
if (which == "units") { Analyze.Units(docs); return; }
if (which == "extended")
{
    var ext = new List<TuningCandidate>();
    foreach (var p in new[] { 1.0, 4.0 }) foreach (var r in new[] { 1.0, 2.0, 3.0 }) foreach (var sh in new[] { 0.8, 0.9, 1.0 }) foreach (var sp in new[] { 1, 2, 3 })
        ext.Add(new TuningCandidate($"position={p} remaining={r} share={sh} spread={sp}", ExtractiveOptions.Default with { PositionWeight = p, RemainingWeight = r, WordTargetShare = sh, CountSpread = sp }));
    families.Add(("extended 54", ext));
    foreach (var l in new[] { 0.8, 0.9, 1.0 }) families.Add(($"mmr {l}", Grid($"mmr{l}", o => o with { MmrLambda = l })));
}
if (which == "graph")
{
    families.Add(("backward", Grid("bw", o => o with { EdgeDirection = 1 })));
    families.Add(("forward", Grid("fw", o => o with { EdgeDirection = 2 })));
    foreach (var b in new[] { 0.25, 0.5, 1.0 })
    {
        families.Add(($"teleport {b}", Grid($"tp{b}", o => o with { TeleportBias = b })));
        families.Add(($"teleport {b} d.5", Grid($"tp{b}", o => o with { TeleportBias = b, Damping = 0.5 })));
        families.Add(($"backward teleport {b}", Grid($"bwtp{b}", o => o with { TeleportBias = b, EdgeDirection = 1 })));
    }
}

foreach (var (name, c) in families)
{
    var line = $"{name,-26}";
    var sc = CrossValidation.Score(docs, NewsSummarizer.Articles.ArticleLanguage.Arabic, 0.33, c, CancellationToken.None);
    var bi = CrossValidation.Best(sc, _ => true);
    var (i1, i2) = Margin(sc[bi], _ => true);
    line += $" in {i1:+0.00;-0.00}/{i2:+0.00;-0.00} ({sc[bi].Average(d => d.Words):0}) [{c[bi].Name}]";
    var d0 = Margin(sc[0], _ => true);
    line += $" default-pt {d0.Item1:+0.00;-0.00}/{d0.Item2:+0.00;-0.00}";
    foreach (var k in new[] { 5, 10 })
    {
        double m1 = 0, m2 = 0;
        for (var f = 0; f < k; f++)
        {
            var ci = CrossValidation.Best(sc, i => CrossValidation.FoldOf(i, k) != f);
            var (a, b) = Margin(sc[ci], i => CrossValidation.FoldOf(i, k) == f);
            m1 += a / k; m2 += b / k;
        }
        line += $" | cv{k} {m1:+0.00;-0.00}/{m2:+0.00;-0.00}";
    }
    Console.WriteLine(line);
}

static (double, double) Margin(IReadOnlyList<DocumentScores> s, Func<int, bool> inc)
{
    double r1 = 0, r2 = 0; var n = 0;
    for (var i = 0; i < s.Count; i++) if (inc(i)) { r1 += s[i].Summary.Rouge1.F1 - s[i].LengthMatchedLead.Rouge1.F1; r2 += s[i].Summary.Rouge2.F1 - s[i].LengthMatchedLead.Rouge2.F1; n++; }
    return (r1 / n * 100, r2 / n * 100);
}
