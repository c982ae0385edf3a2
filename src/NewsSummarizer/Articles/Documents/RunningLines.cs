using System.Text.RegularExpressions;

namespace NewsSummarizer.Articles.Documents;

/// <summary>Finds running headers and footers: lines near the top or bottom of a page whose text (digits aside)
/// and height repeat on several pages, as a publication name, a date line or "Page 3 of 7" do.</summary>
internal static partial class RunningLines
{
    /// <summary>The top and bottom share of a page where running lines sit.</summary>
    private const double Band = 0.15;

    /// <summary>Heights within this many points count as the same position.</summary>
    private const double Tolerance = 6;

    public sealed record Line(string Text, double Top, double Bottom, double PageHeight);

    /// <summary>For each page, the indexes of its lines that are running headers or footers.</summary>
    public static IReadOnlyList<HashSet<int>> Find(IReadOnlyList<IReadOnlyList<Line>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var result = pages.Select(_ => new HashSet<int>()).ToList();
        if (pages.Count < 2)
        {
            return result;
        }

        var minPages = Math.Max(2, (pages.Count + 1) / 2);
        var candidates = new Dictionary<string, List<(int Page, int Line, double Y)>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            for (var i = 0; i < pages[p].Count; i++)
            {
                var line = pages[p][i];
                var inBand = line.Top >= line.PageHeight * (1 - Band) || line.Bottom <= line.PageHeight * Band;
                if (!inBand)
                {
                    continue;
                }

                var key = Digits().Replace(line.Text, "#");
                if (!candidates.TryGetValue(key, out var list))
                {
                    candidates[key] = list = [];
                }

                list.Add((p, i, line.Top));
            }
        }

        foreach (var list in candidates.Values)
        {
            foreach (var group in list.GroupBy(c => Math.Round(c.Y / Tolerance)))
            {
                if (group.Select(c => c.Page).Distinct().Count() >= minPages)
                {
                    foreach (var (page, line, _) in group)
                    {
                        result[page].Add(line);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>A line that is only a page number: "7", "- 7 -", "Page 7", "7 / 12", "صفحة ٧ من ١٢".</summary>
    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[\s\-–—.|]*(?:(?:page|p\.|صفحة|الصفحة)\s*)?\d{1,4}(?:\s*(?:/|of|من)\s*\d{1,4})?[\s\-–—.|]*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PageNumber();
}
