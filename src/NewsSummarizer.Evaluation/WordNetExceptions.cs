namespace NewsSummarizer.Evaluation;

/// <summary>Loads WordNet's morphological exception lists (<c>noun.exc</c>, <c>verb.exc</c>, <c>adj.exc</c>,
/// <c>adv.exc</c>: "inflected-form base-form" per line), the data behind ROUGE-1.5.5's WordNet-2.0.exc.db.</summary>
/// <remarks>Debian's <c>wordnet-base</c> package installs them in <see cref="DebianDirectory"/>.</remarks>
public static class WordNetExceptions
{
    public const string DebianDirectory = "/usr/share/wordnet";

    private static readonly string[] Files = ["adj.exc", "adv.exc", "noun.exc", "verb.exc"];

    /// <summary>Returns the exceptions, or <c>null</c> when the folder has none of the files.</summary>
    public static IReadOnlyDictionary<string, string>? Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var present = Files.Select(f => Path.Combine(directory, f)).Where(File.Exists).ToList();
        if (present.Count == 0)
        {
            return null;
        }

        // Like ROUGE-1.5.5's buildExceptionDB.pl, a later file overrides an earlier one.
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in present.SelectMany(File.ReadLines))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2)
            {
                map[parts[0]] = parts[1];
            }
        }

        return map;
    }
}
