using NewsSummarizer.Summarization;

namespace NewsSummarizer.Cli;

/// <summary>The pure decisions of <c>newsum summarize</c>: which length was asked for and which files go where.</summary>
internal static class SummarizePlan
{
    /// <summary>Maps <c>--length</c> (read by <see cref="SummaryLength.TryParse"/>, as every route reads it),
    /// <c>--ratio</c> or <c>--sentences</c> to a <see cref="SummaryLength"/>; none is the service default.</summary>
    /// <returns><c>null</c> with <paramref name="error"/> set when the options are invalid.</returns>
    public static SummaryLength? Length(double? ratio, int? sentences, out string? error, string? length = null)
    {
        if (length is not null)
        {
            if (ratio is not null || sentences is not null)
            {
                error = "Use one of --length, --ratio or --sentences, not several.";
                return null;
            }

            return SummaryLength.TryParse(length, out var parsed, out var invalid) ? Ok(parsed, out error) : Fail(invalid!, out error);
        }

        error = (ratio, sentences) switch
        {
            ({ }, { }) => "Use either --ratio or --sentences, not both.",
            ({ } r, _) when double.IsNaN(r) || r <= 0 || r > 1 => $"--ratio must be greater than 0 and at most 1 (got {r}).",
            (_, { } s) when s < 1 => $"--sentences must be at least 1 (got {s}).",
            _ => null,
        };
        return error is null ? new SummaryLength(ratio, sentences) : null;
    }

    private static SummaryLength Ok(SummaryLength length, out string? error)
    {
        error = null;
        return length;
    }

    private static SummaryLength? Fail(string message, out string? error)
    {
        error = "--length: " + message;
        return null;
    }

    /// <summary>Expands files and folders (recursively, skipping result documents and hidden files). The name is
    /// the path below the folder given, or the file name for a file given directly; with an output folder each
    /// result goes to <c>DIR/&lt;name&gt;.summary.json</c>.</summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    /// <exception cref="ArgumentException">Two inputs would write the same result file.</exception>
    public static IReadOnlyList<SummarizeItem> Expand(IEnumerable<string> paths, string? outputDirectory)
    {
        var items = new List<SummarizeItem>();
        var outputs = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var (path, name) in ArticleUploader.Expand(paths))
        {
            string? output = null;
            if (outputDirectory is not null)
            {
                output = System.IO.Path.GetFullPath(System.IO.Path.Combine(outputDirectory, SummaryBlobNames.ResultFor(name)));
                if (!outputs.TryAdd(output, path))
                {
                    throw new ArgumentException(
                        $"'{path}' and '{outputs[output]}' would both write {output}: summarise them in separate runs or with different --out folders.");
                }
            }

            items.Add(new SummarizeItem(path, name, output));
        }

        return items;
    }
}
