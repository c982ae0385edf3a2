using System.Globalization;
using NewsSummarizer.Text;

namespace NewsSummarizer.Articles;

/// <summary>How many of a text's letters are Arabic and how many Latin.</summary>
public readonly record struct ScriptProfile(int Letters, int ArabicLetters, int LatinLetters)
{
    public double ArabicShare => Letters == 0 ? 0 : (double)ArabicLetters / Letters;

    public double LatinShare => Letters == 0 ? 0 : (double)LatinLetters / Letters;

    public static ScriptProfile Of(ReadOnlySpan<char> text)
    {
        int letters = 0, arabic = 0, latin = 0;
        foreach (var c in text)
        {
            var category = CharCategories.Of(c);
            if (category is not (UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter))
            {
                continue;
            }

            letters++;
            if (IsArabic(c))
            {
                arabic++;
            }
            else if (IsLatin(c))
            {
                latin++;
            }
        }

        return new ScriptProfile(letters, arabic, latin);
    }

    public static bool IsArabic(char c) =>
        c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    /// <summary>A letter of the Arabic script (the blocks of <see cref="IsArabic"/>, letters only: no digits, marks or
    /// punctuation; tatweel, a modifier letter, included).</summary>
    public static bool IsArabicLetter(char c) => IsArabic(c) && char.IsLetter(c);

    public static bool IsLatin(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF');
}
