using System.Globalization;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var docs = EascDataset.Load(args.Length > 1 ? args[1] : "../shared/data/easc-dev");
var baseGrid = ExtractiveTuning.Candidates();
// Each family is the shipped 16-point grid with one change; with a table, the table is fitted on the training folds.
var families = new List<(string Name, Func<double[]?, List<TuningCandidate>> Make)>();
List<TuningCandidate> Grid(string tag, Func<ExtractiveOptions, ExtractiveOptions> change) =>
    baseGrid.Select(c => new TuningCandidate(c.Name + " " + tag, change(c.Options))).ToList();
var which = args.Length > 0 ? args[0] : "base";
families.Add(("base", _ => baseGrid.ToList()));
if (which == "coverage")
{
    foreach (var w in new[] { 0.1, 0.25, 0.5, 1.0 })
    {
        families.Add(($"terms w={w}", _ => Grid("terms", o => o with { Coverage = CoverageObjective.Terms, CoverageWeight = w })));
        families.Add(($"terms w={w} no MMR", _ => Grid("terms", o => o with { Coverage = CoverageObjective.Terms, CoverageWeight = w, MmrLambda = 1 })));
        families.Add(($"sentences w={w} cap=0.3", _ => Grid("sent", o => o with { Coverage = CoverageObjective.Sentences, CoverageWeight = w })));
        families.Add(($"sentences w={w} cap=0.15", _ => Grid("sent", o => o with { Coverage = CoverageObjective.Sentences, CoverageWeight = w, CoverageCap = 0.15 })));
    }
}
else if (which == "table")
{
    foreach (var w in new[] { 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0 })
    {
        families.Add(($"table only w={w}", t => Grid("table", o => o with { PositionWeight = 0, RemainingWeight = 0, PositionPrior = t, PositionPriorWeight = w })));
        families.Add(($"table + prior w={w}", t => Grid("table", o => o with { PositionPrior = t, PositionPriorWeight = w })));
    }
    families.Add(("base U table + prior w=2", t => baseGrid.Concat(Grid("table2", o => o with { PositionPrior = t, PositionPriorWeight = 2 })).ToList()));
}
else if (which == "fill")
{
    foreach (var sl in new[] { 0.0, 0.05, 0.1, 0.2 })
    {
        families.Add(($"fill slack={sl}", _ => Grid("fill", o => o with { FillSlack = sl })));
    }
}
else if (which == "mmr")
{
    List<TuningCandidate> Lambdas(params double[] ls) => ls.SelectMany(l => Grid($"mmr={l}", o => o with { MmrLambda = l })).ToList();
    foreach (var l in new[] { 0.75, 0.8, 0.875, 0.9, 0.925, 0.95 })
    {
        families.Add(($"mmr {l}", _ => Lambdas(l)));
    }

    families.Add(("grid x mmr .85/.9", _ => Lambdas(0.85, 0.9)));
    families.Add(("grid x mmr .85/.9/.95", _ => Lambdas(0.85, 0.9, 0.95)));
    families.Add(("grid x mmr .7-1", _ => Lambdas(0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1)));
}

var shares = which == "table" ? Prior.Shares(docs) : [];
if (which == "table") Console.WriteLine("table on all 70: " + string.Join(" ", Prior.Fit(shares, _ => true)));
foreach (var (name, make) in families)
{
    var line = $"{name,-26}";
    {
        var t = Prior.Fit(shares, _ => true);
        var c = make(t);
        var sc = CrossValidation.Score(docs, "ar", 0.33, c, CancellationToken.None);
        var bi = CrossValidation.Best(sc, _ => true);
        var (i1, i2) = Margin(sc[bi], _ => true);
        line += $" in {i1:+0.00;-0.00}/{i2:+0.00;-0.00} ({sc[bi].Average(d => d.Words):0}) [{c[bi].Name}]";
    }
    foreach (var k in new[] { 5, 10 })
    {
        double m1 = 0, m2 = 0;
        var per = new List<string>();
        for (var f = 0; f < k; f++)
        {
            var t = Prior.Fit(shares, i => CrossValidation.FoldOf(i, k) != f);
            var c = make(t);
            var sc = CrossValidation.Score(docs, "ar", 0.33, c, CancellationToken.None);
            var ci = CrossValidation.Best(sc, i => CrossValidation.FoldOf(i, k) != f);
            var (a, b) = Margin(sc[ci], i => CrossValidation.FoldOf(i, k) == f);
            m1 += a / k; m2 += b / k;
            per.Add($"{a:+0.00;-0.00}/{b:+0.00;-0.00}");
        }
        line += $" | cv{k} {m1:+0.00;-0.00}/{m2:+0.00;-0.00}";
        line += " [" + string.Join(" ", per) + "]";
    }
    Console.WriteLine(line);
}

static (double, double) Margin(IReadOnlyList<DocumentScores> s, Func<int, bool> inc)
{
    double r1 = 0, r2 = 0; var n = 0;
    for (var i = 0; i < s.Count; i++) if (inc(i)) { r1 += s[i].Summary.Rouge1.F1 - s[i].LengthMatchedLead.Rouge1.F1; r2 += s[i].Summary.Rouge2.F1 - s[i].LengthMatchedLead.Rouge2.F1; n++; }
    return (r1 / n * 100, r2 / n * 100);
}
