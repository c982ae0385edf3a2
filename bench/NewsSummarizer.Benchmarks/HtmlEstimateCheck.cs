using System.Diagnostics;
using System.Globalization;
using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Benchmarks;

/// <summary>Compares the HTML pre-scan's estimated tree with the tree AngleSharp builds, page by page, over a folder
/// of saved real pages (bench/html-corpus/get.sh), and prints the summary docs/inputs.md quotes.</summary>
/// <remarks>The estimate guards the parser: an estimate well below the real tree is the failure that matters (a page
/// could build more than the limits allow), one well above it refuses a page for markup it does not have.</remarks>
internal static class HtmlEstimateCheck
{
    public static int Run(string folder)
    {
        var rows = new List<(string Name, long Estimated, int Parsed, int EstimatedDepth, int ParsedDepth, double ScanMs, double ParseMs)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.htm*").Order(StringComparer.Ordinal))
        {
            var html = File.ReadAllText(file);
            var clock = Stopwatch.StartNew();
            var estimate = HtmlComplexity.Estimate(html);
            var scanMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var (elements, depth) = ParsedHtmlTree.Measure(html);
            rows.Add((Path.GetFileName(file), estimate.Elements, elements, estimate.MaxDepth, depth, scanMs, clock.Elapsed.TotalMilliseconds));
        }

        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"No .html files in {folder}: fetch pages with bench/html-corpus/get.sh first.");
            return 2;
        }

        var ratios = rows.Select(r => r.Estimated / (double)Math.Max(1, r.Parsed)).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            pages                                   {rows.Count}
            elements estimated / parsed             min {ratios[0]:F3}  p5 {At(ratios, 0.05):F3}  median {At(ratios, 0.5):F3}  p95 {At(ratios, 0.95):F3}  max {ratios[^1]:F3}
            pages estimated below 0.9 × parsed      {ratios.Count(r => r < 0.9)}
            pages estimated above 1.1 × parsed      {ratios.Count(r => r > 1.1)}
            depth estimated − parsed                min {rows.Min(r => r.EstimatedDepth - r.ParsedDepth)}  max {rows.Max(r => r.EstimatedDepth - r.ParsedDepth)}  equal on {rows.Count(r => r.EstimatedDepth == r.ParsedDepth)}
            time: pre-scan / AngleSharp parse       {rows.Sum(r => r.ScanMs) / rows.Sum(r => r.ParseMs):F3}
            """));
        Console.WriteLine("furthest from the parser (name, estimated, parsed, depth estimated/parsed):");
        foreach (var row in rows.OrderByDescending(r => Math.Abs(Math.Log((r.Estimated + 1.0) / (r.Parsed + 1.0)))).Take(8))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.Name,-40} {row.Estimated,7} {row.Parsed,7}   {row.EstimatedDepth}/{row.ParsedDepth}"));
        }

        Console.WriteLine("depth estimated below parsed (name, depth estimated/parsed):");
        foreach (var row in rows.Where(r => r.EstimatedDepth < r.ParsedDepth).OrderBy(r => r.EstimatedDepth - r.ParsedDepth).Take(8))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.Name,-40} {row.EstimatedDepth}/{row.ParsedDepth}"));
        }

        return 0;
    }

    private static double At(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
