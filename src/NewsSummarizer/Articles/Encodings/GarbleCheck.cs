using System.Globalization;
using System.Text;
using NewsSummarizer.Text;

namespace NewsSummarizer.Articles.Encodings;

/// <summary>Recognises text that decoded without error but is not readable: replacement characters and control
/// characters left by an earlier lossy conversion, or mojibake (UTF-8 Arabic once read as Windows-1252 or
/// Windows-1256 and saved again: "Ø§Ù„" or "ط§ظ„"). Summarising it would only produce nonsense.</summary>
internal static class GarbleCheck
{
    // Shares of the text's non-white-space characters, or of its letters, beyond which the text is garbage.
    // Real text stays far below them: a stray U+FFFD or a French name ("Élysée") is fine.
    private const double MaxBadCharacterShare = 0.1;
    private const double MaxLatin1LetterShare = 0.3;
    private const double MaxTahZahShare = 0.3;
    private const int MinLettersToJudge = 20;

    private static bool IsLetter(UnicodeCategory category) => category <= UnicodeCategory.OtherLetter;

    public static bool IsGarbled(string text, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        int visible = 0, bad = 0, letters = 0, latin1Letters = 0, arabicLetters = 0, tahZah = 0;
        // By code point, not by UTF-16 unit: an emoji or another astral character is one character, not two
        // surrogate halves (which counted as bad characters and rejected short articles with a few emoji).
        // A lone surrogate enumerates as U+FFFD and still counts as bad.
        var span = text.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            // A BMP character is its own rune; only a surrogate needs decoding (one code point or a U+FFFD).
            Rune rune;
            UnicodeCategory category;
            if (!char.IsSurrogate(span[i]))
            {
                rune = new Rune(span[i++]);
                category = CharCategories.Of((char)rune.Value);
            }
            else
            {
                Rune.DecodeFromUtf16(span[i..], out rune, out var consumed);
                i += consumed;
                category = Rune.GetUnicodeCategory(rune);
            }

            if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || (category == UnicodeCategory.Control && Rune.IsWhiteSpace(rune)))
            {
                continue;
            }

            visible++;
            if (rune == Rune.ReplacementChar || category is UnicodeCategory.Control or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
            {
                bad++;
            }
            else if (IsLetter(category) && rune.IsBmp)
            {
                var c = (char)rune.Value;
                letters++;
                latin1Letters += c is >= '\u00C0' and <= '\u00FF' ? 1 : 0;
                if (ScriptProfile.IsArabic(c))
                {
                    arabicLetters++;
                    tahZah += c is '\u0637' or '\u0638' ? 1 : 0;
                }
            }
            else if (IsLetter(category))
            {
                letters++;
            }
        }

        if (visible > 0 && bad > visible * MaxBadCharacterShare)
        {
            reason = "most of its characters are replacement or control characters";
            return true;
        }

        if (letters >= MinLettersToJudge && latin1Letters > letters * MaxLatin1LetterShare)
        {
            reason = "it looks like UTF-8 text that was read as Windows-1252 or Latin-1 and saved again (mojibake such as \"Ø§Ù„\")";
            return true;
        }

        if (arabicLetters >= MinLettersToJudge && tahZah > arabicLetters * MaxTahZahShare)
        {
            reason = "it looks like UTF-8 Arabic that was read as Windows-1256 and saved again (mojibake such as \"ط§ظ„\")";
            return true;
        }

        reason = string.Empty;
        return false;
    }
}
