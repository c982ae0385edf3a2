using System.Globalization;

namespace NewsSummarizer.Text;

/// <summary>The Unicode category of every UTF-16 unit from one table, and <see cref="char"/>'s classifications
/// read from it: the per-character passes over an article (word counts, scripts, format characters, garble) are on
/// every request's path.</summary>
/// <remarks>Built once from <see cref="CharUnicodeInfo"/> (64 KB), so it answers exactly as <see cref="char"/> does;
/// a test compares all 65,536 units.</remarks>
internal static class CharCategories
{
    private static readonly byte[] Table = Build();

    public static UnicodeCategory Of(char c) => (UnicodeCategory)Table[c];

    /// <summary>As <see cref="char.IsLetter(char)"/>.</summary>
    public static bool IsLetter(char c) => Table[c] <= (byte)UnicodeCategory.OtherLetter;

    /// <summary>As <see cref="char.IsLetterOrDigit(char)"/>.</summary>
    public static bool IsLetterOrDigit(char c) => Table[c] is <= (byte)UnicodeCategory.OtherLetter or (byte)UnicodeCategory.DecimalDigitNumber;

    /// <summary>As <see cref="char.IsWhiteSpace(char)"/>: the space separators and the controls TAB to CR and NEL.</summary>
    public static bool IsWhiteSpace(char c) =>
        c is (>= '\t' and <= '\r') or '\u0085'
        || Table[c] is (byte)UnicodeCategory.SpaceSeparator or (byte)UnicodeCategory.LineSeparator or (byte)UnicodeCategory.ParagraphSeparator;

    private static byte[] Build()
    {
        var table = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = (byte)CharUnicodeInfo.GetUnicodeCategory((char)c);
        }

        return table;
    }
}
