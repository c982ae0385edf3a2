namespace NewsSummarizer.Summarization.Extractive;

/// <summary>Shortens a sentence at a clause boundary (a comma, semicolon, colon or dash followed by white space, in
/// Latin or Arabic script), never inside a clause.</summary>
internal static class Clauses
{
    private static readonly char[] ClauseMarks = [',', '\u060C', ';', '\u061B', ':', '\u2013', '\u2014'];

    /// <summary>Fewer words than this are not a statement worth keeping on their own.</summary>
    public const int MinWords = 4;

    /// <summary>The text itself when it has at most <paramref name="maxWords"/> words; otherwise its longest opening
    /// that ends at a clause boundary and has between <see cref="MinWords"/> and <paramref name="maxWords"/> words,
    /// without the boundary's mark; null when there is none.</summary>
    public static string? Cut(string text, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (Text.Words.Count(text) <= maxWords)
        {
            return text;
        }

        string? best = null;
        var words = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
                continue;
            }

            if (!inWord)
            {
                inWord = true;
                if (++words > maxWords)
                {
                    break;
                }
            }

            var followedBySpace = i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]);
            var dash = c is '\u2013' or '\u2014' && i > 0 && char.IsWhiteSpace(text[i - 1]);
            if (followedBySpace && (IsClauseMark(c) || dash))
            {
                var opening = text[..i].TrimEnd().TrimEnd(ClauseMarks);
                if (Text.Words.Count(opening) >= MinWords)
                {
                    best = opening;
                }
            }
        }

        return best;
    }

    private static bool IsClauseMark(char c) => c is ',' or '\u060C' or ';' or '\u061B' or ':';
}
