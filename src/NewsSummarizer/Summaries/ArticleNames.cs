using System.Globalization;

namespace NewsSummarizer.Summaries;

/// <summary>The one rule on which names can be articles, for every source: Event Grid events, queue and poison
/// messages, the sweep, backfill, <c>GET /api/summaries/{*name}</c> and <c>newsum upload</c>.</summary>
/// <remarks>A name is checked before it reaches <c>GetBlobClient</c>: the SDK puts the name into a URL, and URL
/// normalisation collapses <c>.</c> and <c>..</c> segments and turns <c>\</c> into <c>/</c>, so
/// <c>a/../../other/x.txt</c> would address blob <c>x.txt</c> in container <c>other</c>.</remarks>
public static class ArticleNames
{
    /// <summary>Azure Blob Storage's limit on a blob name, in characters.</summary>
    public const int MaxBlobNameLength = 1024;

    /// <summary>The longest article name whose result (<c>name + ".summary.json"</c>) is still a valid blob name.</summary>
    public const int MaxLength = MaxBlobNameLength - 13; // ".summary.json".Length (SummaryBlobNames.ResultSuffix)

    /// <summary>Azure's limit on the number of path segments in a blob name.</summary>
    public const int MaxSegments = 254;

    /// <summary>The error code of a name that cannot be an article.</summary>
    public const string InvalidName = "invalid-name";

    /// <summary>The error code of a name that names a result document.</summary>
    public const string ResultName = "result-name";

    /// <summary>Why <paramref name="name"/> cannot name an article, or <c>null</c> when it can.</summary>
    public static ErrorInfo? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Invalid("The name is empty: give the article's path in the container, e.g. 2026/11/story.txt.");
        }

        if (name.Length > MaxLength)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture,
                $"The name is {name.Length} characters long; an article's name may have at most {MaxLength}, so that its result " +
                $"'<name>{SummaryBlobNames.ResultSuffix}' stays within Azure's {MaxBlobNameLength}-character limit on blob names."));
        }

        if (name[0] == '/')
        {
            return Invalid("The name must not start with '/': give it relative to the container.");
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '\\')
            {
                return Invalid("The name must not contain '\\': blob paths use '/', and URLs turn '\\' into '/'.");
            }

            if (char.IsControl(c))
            {
                return Invalid("The name must not contain control characters.");
            }

            // Bidi overrides and isolates, zero-width characters, marks and the BOM (Unicode category Cf) make a name
            // display as another one (U+202E turns "gpj.exe" into "exe.jpg"); nothing needs them in a path.
            if (char.GetUnicodeCategory(name, i) == UnicodeCategory.Format)
            {
                return Invalid(string.Create(CultureInfo.InvariantCulture,
                    $"The name contains the invisible format character U+{char.ConvertToUtf32(name, i):X4} at position {i + 1} (a bidi " +
                    $"control, zero-width character or mark), which makes it display as another name: rename the blob without it."));
            }

            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return Invalid("The name is not valid Unicode (it holds half of a surrogate pair).");
            }
        }

        var segments = 0;
        foreach (var range in name.AsSpan().Split('/'))
        {
            var segment = name.AsSpan()[range];
            segments++;
            if (segment.IsEmpty)
            {
                return Invalid("The name must not contain empty path segments ('//' or a trailing '/').");
            }

            if (segment is "." or "..")
            {
                return Invalid("The name must not contain '.' or '..' segments: they would address another blob or container.");
            }
        }

        if (segments > MaxSegments)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"The name has {segments} path segments; Azure allows at most {MaxSegments}."));
        }

        if (SummaryBlobNames.IsResult(name))
        {
            return new ErrorInfo(
                ResultName,
                $"'{name}' names a result document. Ask for the article instead: {name[..^SummaryBlobNames.ResultSuffix.Length]}.");
        }

        return null;
    }

    private static ErrorInfo Invalid(string message) => new(InvalidName, message);
}
