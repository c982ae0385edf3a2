namespace NewsSummarizer.Summarization.Extractive;

/// <summary>Shortens a sentence at a clause boundary (a comma, semicolon, colon or dash followed by white space, in
/// Latin or Arabic script, outside quotation marks and brackets), never inside a clause.</summary>
internal static class Clauses
{
    private static readonly char[] ClauseMarks = [',', '\u060C', ';', '\u061B', ':', '\u2013', '\u2014'];

    /// <summary>An opening shorter than a third of the limit, or than this, is a fragment rather than a statement
    /// ("The ministry said, in a statement"); the whole sentence reads better.</summary>
    public const int MinWords = 4;

    /// <summary>The text itself when it has at most <paramref name="maxWords"/> words; otherwise its longest opening
    /// that ends at a clause boundary and has at least a third of <paramref name="maxWords"/> (and
    /// <see cref="MinWords"/>) words and at most <paramref name="maxWords"/>, without the boundary's mark; null when
    /// there is none.</summary>
    public static string? Cut(string text, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (Text.Words.Count(text) <= maxWords)
        {
            return text;
        }

        string? best = null;
        var minWords = Math.Max(MinWords, maxWords / 3);
        var words = 0;
        var depth = 0; // Inside quotation marks or brackets a comma belongs to the quotation.
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

            depth = Math.Max(0, depth + Nesting(c, depth));
            var followedBySpace = i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]);
            var dash = c is '\u2013' or '\u2014' && i > 0 && char.IsWhiteSpace(text[i - 1]);
            if (depth == 0 && followedBySpace && (IsClauseMark(c) || dash))
            {
                var opening = text[..i].TrimEnd().TrimEnd(ClauseMarks);
                if (Text.Words.Count(opening) >= minWords)
                {
                    best = opening;
                }
            }
        }

        return best;
    }

    // +1 opens, -1 closes; a straight double quote closes when one is open.
    private static int Nesting(char c, int depth) => c switch
    {
        '\u201C' or '\u00AB' or '(' or '[' => 1,
        '\u201D' or '\u00BB' or ')' or ']' => -1,
        '"' => depth > 0 ? -1 : 1,
        _ => 0,
    };

    private static bool IsClauseMark(char c) => c is ',' or '\u060C' or ';' or '\u061B' or ':';
}
