using System.Diagnostics.CodeAnalysis;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Evaluation;

/// <summary>The folder layouts <see cref="EvaluationDatasets"/> reads.</summary>
public enum DatasetFormat
{
    /// <summary>Essex Arabic Summaries Corpus: <c>Articles/TopicN</c> and <c>MTurk/TopicN</c> (<see cref="EascDataset"/>).</summary>
    Easc,

    /// <summary>BBC News Summary: <c>News Articles/&lt;category&gt;/NNN.txt</c> (title on the first line) and
    /// <c>Summaries/&lt;category&gt;/NNN.txt</c> (<see cref="SummaryPairDataset"/>), English.</summary>
    Bbc,
}

/// <summary>A loaded evaluation set: its layout, the language it is scored in and its documents.</summary>
public sealed record EvaluationSet(DatasetFormat Format, ArticleLanguage Language, IReadOnlyList<EvaluationDocument> Documents);

/// <summary>Recognises an evaluation folder's layout and loads it.</summary>
public static class EvaluationDatasets
{
    /// <summary>The names <see cref="TryParseFormat"/> accepts.</summary>
    public static string FormatNames { get; } = string.Join(", ", Enum.GetNames<DatasetFormat>().Select(n => n.ToLowerInvariant()));

    /// <summary>The layout of <paramref name="directory"/>, or <c>null</c> when it has none of the known ones.</summary>
    public static DatasetFormat? Detect(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return HasFolders(directory, "Articles", "MTurk") ? DatasetFormat.Easc
            : HasFolders(directory, SummaryPairDataset.BbcArticles, SummaryPairDataset.BbcSummaries) ? DatasetFormat.Bbc
            : null;
    }

    /// <summary>A format name (<c>easc</c>, <c>bbc</c>; any case).</summary>
    public static bool TryParseFormat([NotNullWhen(true)] string? name, out DatasetFormat format) =>
        Enum.TryParse(name, ignoreCase: true, out format) && name.All(char.IsAsciiLetter);

    /// <summary>The language a layout's articles are in, and so how they are scored: Arabic normalised without
    /// stemming, English with ROUGE-1.5.5's Porter stemming.</summary>
    public static ArticleLanguage LanguageOf(DatasetFormat format) => format switch
    {
        DatasetFormat.Easc => ArticleLanguage.Arabic,
        DatasetFormat.Bbc => ArticleLanguage.English,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown dataset format."),
    };

    /// <summary>Loads <paramref name="directory"/> in the given layout, or in the one <see cref="Detect"/> finds.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder is missing, or has no known layout and none was given.</exception>
    /// <exception cref="InvalidDataException">The folder has the layout's folders but not its files.</exception>
    public static EvaluationSet Load(string directory, DatasetFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The dataset folder '{directory}' does not exist.");
        }

        var layout = format ?? Detect(directory) ?? throw new DirectoryNotFoundException(
            $"'{directory}' has no known layout: EASC needs Articles/ and MTurk/ sub-folders, BBC News Summary needs "
            + $"'{SummaryPairDataset.BbcArticles}/' and '{SummaryPairDataset.BbcSummaries}/' (or give --format {FormatNames}).");
        var documents = layout switch
        {
            DatasetFormat.Easc => EascDataset.Load(directory),
            DatasetFormat.Bbc => SummaryPairDataset.LoadBbc(directory),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown dataset format."),
        };
        return new EvaluationSet(layout, LanguageOf(layout), documents);
    }

    private static bool HasFolders(string directory, string first, string second) =>
        Directory.Exists(Path.Combine(directory, first)) && Directory.Exists(Path.Combine(directory, second));
}
