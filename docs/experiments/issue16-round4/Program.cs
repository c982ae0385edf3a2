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
if (which == "spread")
{
    var sc0 = CrossValidation.Score(docs, NewsSummarizer.Articles.ArticleLanguage.Arabic, 0.33, new[] { new TuningCandidate("default", ExtractiveOptions.Default) }, CancellationToken.None)[0];
    var m = sc0.Select(d => (d.Summary.Rouge1.F1 - d.LengthMatchedLead.Rouge1.F1) * 100).ToArray();
    var rng = new Random(16);
    var boots = Enumerable.Range(0, 10000).Select(_ => Enumerable.Range(0, m.Length).Select(_ => m[rng.Next(m.Length)]).Average()).OrderBy(x => x).ToArray();
    Console.WriteLine($"mean {m.Average():+0.00} ahead {m.Count(x => x > 0.005)} level {m.Count(x => Math.Abs(x) <= 0.005)} behind {m.Count(x => x < -0.005)} of {m.Length}; bootstrap 95% [{boots[250]:+0.00;-0.00}, {boots[9749]:+0.00;-0.00}] P(mean<=0)={boots.Count(x => x <= 0) / 10000.0:0.0000}");
    return;
}
if (which == "grid")
{
    var all = CrossValidation.Score(docs, NewsSummarizer.Articles.ArticleLanguage.Arabic, 0.33, baseGrid, CancellationToken.None);
    for (var i = 0; i < baseGrid.Count; i++) { var (a, b) = Margin(all[i], _ => true); Console.WriteLine($"{baseGrid[i].Name,-45} {a:+0.00;-0.00}/{b:+0.00;-0.00} ({all[i].Average(d => d.Words):0.0})"); }
    return;
}
if (which == "repeat")
{
    var all = CrossValidation.Score(docs, NewsSummarizer.Articles.ArticleLanguage.Arabic, 0.33, baseGrid, CancellationToken.None);
    var rng = new Random(16);
    foreach (var k in new[] { 5, 10 })
    {
        var results = new List<(double, double)>();
        var other = 0;
        for (var rep = 0; rep < 200; rep++)
        {
            var fold = Enumerable.Range(0, docs.Count).OrderBy(_ => rng.Next()).Select((doc, pos) => (doc, pos % k)).ToDictionary(x => x.doc, x => x.Item2);
            double m1 = 0, m2 = 0;
            for (var f = 0; f < k; f++)
            {
                var ci = CrossValidation.Best(all, i => fold[i] != f);
                if (baseGrid[ci].Options != ExtractiveOptions.Default) other++;
                var (a, b) = Margin(all[ci], i => fold[i] == f);
                m1 += a / k; m2 += b / k;
            }
            results.Add((m1, m2));
        }
        var r1 = results.Select(r => r.Item1).OrderBy(x => x).ToArray();
        Console.WriteLine($"{k} folds x 200 random partitions: R-1 mean {r1.Average():+0.00} min {r1[0]:+0.00} 5% {r1[10]:+0.00} max {r1[^1]:+0.00}; R-2 mean {results.Average(r => r.Item2):+0.00} min {results.Min(r => r.Item2):+0.00}; folds choosing another point {other} of {200 * k}");
    }
    return;
}
if (which == "dots")
{
    // Cost of splitting and summarising text with no space after its full stops, against ordinary text of the same size.
    var summarizer = new ExtractiveSummarizer();
    var normal = "يعتبر من أبرز عباقرة الموسيقى في جميع العصور. ";
    foreach (var (kind, unit) in new[] { ("spaced", normal), ("word.word", "كلمة.أخرى."), ("letter.letter", "ب.ب."), ("sentence.sentence", normal.TrimEnd()) })
    {
        foreach (var size in new[] { 64 * 1024, 256 * 1024, 1024 * 1024 })
        {
            var text = string.Concat(Enumerable.Repeat(unit, size / unit.Length / 2));
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var n = NewsSummarizer.Text.SentenceSplitter.Split(text).Count;
            var split = sw.Elapsed.TotalMilliseconds;
            summarizer.SelectSentences(new NewsSummarizer.Articles.Article(text, null, NewsSummarizer.Articles.ArticleLanguage.Arabic), new NewsSummarizer.Summarization.SummaryLength());
            Console.WriteLine($"{kind,-18} {size / 1024,5} KiB chars {text.Length,8}: {n,7} sentences, split {split,8:F1} ms, split+summarise {sw.Elapsed.TotalMilliseconds,8:F1} ms");
        }
    }
    return;
}
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
