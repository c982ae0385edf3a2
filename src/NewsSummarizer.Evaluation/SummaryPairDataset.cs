using System.Text;

namespace NewsSummarizer.Evaluation;

/// <summary>Reads a folder of articles beside a folder of their reference summaries, paired by relative path
/// (<c>&lt;articles&gt;/business/001.txt</c> and <c>&lt;summaries&gt;/business/001.txt</c>), one reference per
/// article: the layout of the BBC News Summary set (<see cref="BbcArticles"/>, <see cref="BbcSummaries"/>).</summary>
/// <remarks>
/// A document's id is its relative path without the extension, with <c>/</c> between folders (<c>business/001</c>);
/// its category is the first folder (<see cref="CategoryOf"/>). Documents come in ordinal order of their ids.
/// Files are read as UTF-8 (a BOM is dropped); a file that is not valid UTF-8 is read as Latin-1 (one BBC article
/// has a Latin-1 pound sign). With <c>firstLineIsTitle</c> the first non-blank line is the article's title, kept
/// apart from the text as the service keeps a headline apart, so the summariser can use it and no baseline quotes it.
/// Every article needs a summary and every summary an article; blank files are refused.
/// </remarks>
public static class SummaryPairDataset
{
    /// <summary>The BBC News Summary set's article folder (the first line of an article is its title).</summary>
    public const string BbcArticles = "News Articles";

    /// <summary>The BBC News Summary set's summary folder.</summary>
    public const string BbcSummaries = "Summaries";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>A BBC News Summary folder: <see cref="BbcArticles"/> and <see cref="BbcSummaries"/>, titles on the
    /// first line of each article.</summary>
    public static IReadOnlyList<EvaluationDocument> LoadBbc(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Load(Path.Combine(directory, BbcArticles), Path.Combine(directory, BbcSummaries), firstLineIsTitle: true);
    }

    /// <summary>Every file under <paramref name="articlesDirectory"/> with the file of the same relative path under
    /// <paramref name="summariesDirectory"/> as its one reference.</summary>
    public static IReadOnlyList<EvaluationDocument> Load(string articlesDirectory, string summariesDirectory, bool firstLineIsTitle)
    {
        ArgumentNullException.ThrowIfNull(articlesDirectory);
        ArgumentNullException.ThrowIfNull(summariesDirectory);
        if (!Directory.Exists(articlesDirectory) || !Directory.Exists(summariesDirectory))
        {
            throw new DirectoryNotFoundException(
                $"'{articlesDirectory}' and '{summariesDirectory}' must both be folders (articles and their summaries, same relative names).");
        }

        var articles = RelativeFiles(articlesDirectory);
        var summaries = RelativeFiles(summariesDirectory);
        if (articles.Count == 0)
        {
            throw new InvalidDataException($"'{articlesDirectory}' holds no article files.");
        }

        var orphan = summaries.Keys.FirstOrDefault(k => !articles.ContainsKey(k));
        if (orphan is not null)
        {
            throw new InvalidDataException($"The summary '{summaries[orphan]}' has no article of the same name in '{articlesDirectory}'.");
        }

        var documents = new List<EvaluationDocument>(articles.Count);
        foreach (var (relative, articleFile) in articles.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!summaries.TryGetValue(relative, out var summaryFile))
            {
                throw new InvalidDataException($"The article '{articleFile}' has no summary of the same name in '{summariesDirectory}'.");
            }

            var (title, text) = firstLineIsTitle ? SplitTitle(ReadText(articleFile)) : (null, ReadText(articleFile).Trim());
            var summary = ReadText(summaryFile).Trim();
            if (text.Length == 0 || summary.Length == 0)
            {
                throw new InvalidDataException(text.Length == 0
                    ? $"The article '{articleFile}' has no text{(firstLineIsTitle ? " after its title line" : string.Empty)}."
                    : $"The summary '{summaryFile}' is empty.");
            }

            documents.Add(new EvaluationDocument(relative, text, [summary], title));
        }

        return documents;
    }

    /// <summary>The first folder of a document id (<c>business</c> for <c>business/001</c>), or <c>null</c> for a
    /// document at the top level.</summary>
    public static string? CategoryOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? id[..slash] : null;
    }

    /// <summary>Splits an article into its first non-blank line (the title, trimmed) and the rest (trimmed).</summary>
    internal static (string? Title, string Text) SplitTitle(string article)
    {
        var lines = article.ReplaceLineEndings("\n").Split('\n');
        var first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        return first < 0
            ? (null, string.Empty)
            : (lines[first].Trim(), string.Join('\n', lines.Skip(first + 1)).Trim());
    }

    internal static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    // Relative path without extension ('/' separated, so ids match across folders and systems) -> full path.
    private static Dictionary<string, string> RelativeFiles(string root)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue; // .DS_Store and the like.
            }

            var relative = Path.GetRelativePath(root, file);
            var key = Path.ChangeExtension(relative, null).Replace(Path.DirectorySeparatorChar, '/');
            if (!files.TryAdd(key, file))
            {
                throw new InvalidDataException($"'{files[key]}' and '{file}' have the same name without their extensions.");
            }
        }

        return files;
    }
}
