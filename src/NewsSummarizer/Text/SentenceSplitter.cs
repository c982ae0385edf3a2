using System.Collections.Frozen;
using System.Globalization;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Text;

/// <summary>Splits Arabic and English news text into sentences.</summary>
/// <remarks>
/// Every line is a paragraph, so a sentence never spans lines. Inside a line a sentence ends at . ! ? ؟ ۔ (or …)
/// followed by white space or the end of the line, together with any closing quotes or brackets after the mark.
/// The Arabic comma ، and semicolon ؛ separate clauses, not sentences. A full stop does not end a sentence in a
/// decimal (3.5, 1,000.25), after a known English abbreviation (Mr., Jan., U.S., e.g.), after a single initial, or
/// when the next word starts with a lower-case Latin letter. A mark not followed by white space ends nothing
/// (3.5, U.S, example.com, Arabic ق.م), except before an Arabic letter: Arabic text often omits the space after a
/// full stop ("نوح.و تعني"), so a mark followed directly by an Arabic letter ends the sentence unless it closes a
/// one-letter Arabic abbreviation (ق.م, ص.ب, د.).
/// </remarks>
public static class SentenceSplitter
{
    // Titles, months and Latin abbreviations that a capitalised word usually follows within the same sentence.
    private static readonly FrozenSet<string> NeverFinal = FrozenSet.Create(StringComparer.Ordinal,
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Gen", "Gov", "Sen", "Rep", "Rev", "Hon", "Col", "Lt",
        "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Pres", "Mt", "Ft", "No", "Nos", "Vol", "Art", "Fig", "approx", "vs",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "cf", "al");

    // Abbreviations that also end sentences: they end one only when a capitalised word follows.
    private static readonly FrozenSet<string> SometimesFinal = FrozenSet.Create(StringComparer.Ordinal,
        "etc", "Inc", "Ltd", "Co", "Corp", "Bros", "a.m", "p.m");

    /// <summary>Splits <paramref name="text"/> into sentences, in order; blank lines and bare punctuation yield none.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<Sentence>();
        var paragraph = 0;
        foreach (var range in text.AsSpan().SplitAny('\n', '\r', '\u2029'))
        {
            var line = text.AsSpan()[range];
            if (line.IsWhiteSpace())
            {
                continue;
            }

            SplitLine(text, range.Start.GetOffset(text.Length), line.Length, paragraph, sentences);
            paragraph++;
        }

        return sentences;
    }

    private static void SplitLine(string text, int offset, int length, int paragraph, List<Sentence> sentences)
    {
        var line = text.AsSpan(offset, length);
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (!IsTerminator(line[i]))
            {
                continue;
            }

            var end = i;
            while (end + 1 < line.Length && IsTerminator(line[end + 1]))
            {
                end++;
            }

            while (end + 1 < line.Length && IsCloser(line[end + 1]))
            {
                end++;
            }

            if (EndsSentence(line, i, end))
            {
                Add(text, offset + start, end + 1 - start, paragraph, sentences);
                start = end + 1;
            }

            i = end;
        }

        Add(text, offset + start, line.Length - start, paragraph, sentences);
    }

    // markStart..markEnd holds the terminators and closers; decides whether they end the sentence.
    private static bool EndsSentence(ReadOnlySpan<char> line, int markStart, int markEnd)
    {
        var next = markEnd + 1;
        if (next >= line.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(line[next]))
        {
            // "U.S", "3.5", "example.com", and Arabic "ق.م" stay whole; "نوح.و" is two sentences.
            return ScriptProfile.IsArabicLetter(line[next]) && !IsArabicAbbreviation(line, markStart);
        }

        var following = line[next..].TrimStart();
        if (following.IsEmpty)
        {
            return true;
        }

        var nextChar = following[0];
        if (nextChar is >= 'a' and <= 'z')
        {
            return false;
        }

        var singleFullStop = markEnd == markStart || !IsTerminator(line[markStart + 1]);
        if (line[markStart] != '.' || !singleFullStop)
        {
            return true;
        }

        var word = WordBefore(line, markStart);
        if (word.IsEmpty)
        {
            return true;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // An initial: "J. K. Rowling".
        }

        var lookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word) || IsInitialism(word))
        {
            return false;
        }

        return !SometimesFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || char.IsUpper(nextChar);
    }

    // The word ending just before the full stop, without opening quotes or brackets.
    private static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> line, int dot)
    {
        var begin = dot;
        while (begin > 0 && !char.IsWhiteSpace(line[begin - 1]))
        {
            begin--;
        }

        var word = line[begin..dot];
        while (!word.IsEmpty && !char.IsLetterOrDigit(word[0]))
        {
            word = word[1..];
        }

        return word;
    }

    // "U.S", "U.K", "U.N": single letters joined by full stops.
    private static bool IsInitialism(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var ok = i % 2 == 0 ? char.IsLetter(word[i]) : word[i] == '.';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(string text, int start, int length, int paragraph, List<Sentence> sentences)
    {
        var span = text.AsSpan(start, length).Trim();
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                sentences.Add(new Sentence(span.ToString(), sentences.Count, paragraph));
                return;
            }
        }
    }

    // Arabic abbreviations are single letters closed by full stops (ق.م, ص.ب, ج.م.ع, د.): the mark follows a lone
    // letter. A full stop after a word or a number ("نوح.و", "1827م.وقد", "بِه.و") ends the sentence. Looks back two
    // letters only (and the diacritics on them), so a long run of marks and letters without spaces costs linear time.
    private static bool IsArabicAbbreviation(ReadOnlySpan<char> line, int mark)
    {
        if (line[mark] != '.')
        {
            return false;
        }

        var letter = PreviousBase(line, mark);
        if (letter < 0 || !ScriptProfile.IsArabicLetter(line[letter]))
        {
            return false;
        }

        var before = PreviousBase(line, letter);
        return before < 0 || !char.IsLetterOrDigit(line[before]);
    }

    // The nearest character before position at that is not a diacritic (at most four are skipped, so the look-back
    // stays short), or -1 at the start of the line.
    private static int PreviousBase(ReadOnlySpan<char> line, int at)
    {
        var i = at - 1;
        for (var skipped = 0; i >= 0 && skipped < 4 && CharUnicodeInfo.GetUnicodeCategory(line[i]) == UnicodeCategory.NonSpacingMark; skipped++)
        {
            i--;
        }

        return i;
    }

    /// <summary>The marks that can end a sentence: . ! ? and the Arabic question mark, the Urdu-style full stop ۔ and
    /// the ellipsis. The one list; the headline test and the model-input splitter ask here.</summary>
    internal static bool IsTerminator(char c) => c is '.' or '!' or '?' or '\u061F' or '\u06D4' or '\u2026';

    private static bool IsCloser(char c) =>
        c is '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u203A' or ')' or ']' or '}';
}
