using System.Globalization;

namespace NewsSummarizer.Summarization;

/// <summary>How long a summary should be: a named size, a sentence count or (offline evaluation and
/// <c>newsum summarize --ratio</c> only) a share of the article's sentences. Every input route parses it with
/// <see cref="TryParse"/>; <see cref="Label"/> is what a stored result records.</summary>
/// <param name="Ratio">A share of the article's sentences, in (0, 1]. The model is asked for the default length.</param>
/// <param name="Sentences">A number of sentences.</param>
/// <param name="Name">The named size this length was given as (<c>brief</c>, <c>short</c>, <c>medium</c>, <c>long</c>).</param>
public sealed record SummaryLength(double? Ratio = null, int? Sentences = null, string? Name = null)
{
    /// <summary>The largest sentence count accepted (as Azure AI Language's extractive summarisation).</summary>
    public const int MaxSentences = 20;

    /// <summary>The named sizes and the sentence counts they stand for.</summary>
    public static IReadOnlyList<(string Name, int Sentences)> Named { get; } =
    [
        ("brief", 1),
        ("short", 2),
        ("medium", 4),
        ("long", 7),
    ];

    /// <summary>The service default: about three sentences or a quarter of the article, whichever is shorter (the
    /// model is asked for 2 to 4 sentences).</summary>
    public static SummaryLength Default { get; } = new();

    /// <summary>What the error message of <see cref="TryParse"/> lists as allowed.</summary>
    public static string Allowed { get; } =
        string.Join(", ", Named.Select(n => n.Name)) + string.Create(CultureInfo.InvariantCulture, $" or a sentence count from 1 to {MaxSentences}");

    public bool IsDefault => Ratio is null && Sentences is null;

    /// <summary>The length as a stored result records it (<c>brief</c>, <c>3</c>); null for the default, which is
    /// also what a result without a recorded length was made for.</summary>
    public string? Label => Name
        ?? (Sentences is { } n ? n.ToString(CultureInfo.InvariantCulture)
        : Ratio is { } r ? "ratio " + r.ToString("0.###", CultureInfo.InvariantCulture)
        : null);

    /// <summary>A named size (case-insensitive) or a sentence count from 1 to <see cref="MaxSentences"/>; null or
    /// blank is the default. On failure <paramref name="error"/> names the value and the allowed ones.</summary>
    public static bool TryParse(string? text, out SummaryLength length, out string? error)
    {
        length = Default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var value = text.Trim();
        foreach (var (name, sentences) in Named)
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                length = new SummaryLength(Sentences: sentences, Name: name);
                return true;
            }
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxSentences)
        {
            length = new SummaryLength(Sentences: count);
            return true;
        }

        error = $"The length '{value}' is not valid: use {Allowed}.";
        return false;
    }

    /// <summary>Whether a stored result's recorded <paramref name="label"/> (null: made for the default) asks for the
    /// same summary as this length: <c>brief</c> and <c>1</c> do; a label no longer understood does not.</summary>
    public bool Matches(string? label)
    {
        if (Ratio is not null)
        {
            return string.Equals(Label, label, StringComparison.Ordinal);
        }

        return TryParse(label, out var recorded, out _) && recorded.Sentences == Sentences;
    }
}
