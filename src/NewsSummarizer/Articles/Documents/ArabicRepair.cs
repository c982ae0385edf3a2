using System.Text;

namespace NewsSummarizer.Articles.Documents;

/// <summary>Repairs Arabic lines from a PDF text layer.</summary>
/// <remarks>PDFs store glyphs, not text: many producers map Arabic glyphs to presentation forms (U+FB50-U+FDFF,
/// U+FE70-U+FEFF), and whether a line's glyphs were laid out in logical or visual order depends on the producer. A line
/// is given in visual order (left to right as drawn); the repair decides, for a whole document at once, whether its
/// Arabic lines read right to left (the normal case) or were written left to right in logical order (producers without
/// bidi support), and maps presentation forms to letters.</remarks>
internal static class ArabicRepair
{
    private enum Form
    {
        None,
        Isolated,
        Final,
        Initial,
        Medial,
    }

    // Presentation Forms-B, U+FE80..U+FEFC, is a run of groups, one per letter: isolated, final, then initial and
    // medial for letters that join on both sides. Group sizes in order (hamza has only an isolated form).
    private static readonly int[] FormGroups =
    [
        1, 2, 2, 2, 2, 4, 2, 4, 2, 4, 4, 4, 4, 4, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 4,
        2, 2, 2, 2,
    ];

    private static readonly Form[] FormsB = BuildFormsB();

    // Very common Arabic words; in a line read the wrong way round they appear reversed.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "في", "من", "على", "إلى", "الى", "أن", "ان", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان", "قد", "لا", "ما",
        "بين", "بعد", "قبل", "حتى", "كما", "وفي", "ومن", "أو", "ذلك", "خلال", "عام", "إن", "لم", "لن", "كل", "أي",
    };

    /// <summary>Whether the text holds any Arabic letter (base block or presentation forms).</summary>
    public static bool HasArabic(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsArabicLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether more letters are Arabic than Latin: the line reads right to left.</summary>
    public static bool IsRightToLeft(string line)
    {
        int arabic = 0, other = 0;
        foreach (var c in line)
        {
            if (IsArabicLetter(c))
            {
                arabic++;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }

        return arabic > 0 && arabic >= other;
    }

    /// <summary>Evidence that <paramref name="line"/> is in logical order (positive) or reversed (negative):
    /// presentation forms in the wrong position for their place in the word, <c>ال</c> and very common words that
    /// only read forwards, and letters (ة, ى) that only end a word.</summary>
    public static int LogicalOrderEvidence(string line)
    {
        var score = 0;
        foreach (var range in line.AsSpan().Split(' '))
        {
            var word = line.AsSpan()[range].Trim("()[]{}«».,،؛:!?؟\"'");
            if (word.Length < 2 || !HasArabic(word))
            {
                continue;
            }

            score += FormEvidence(FormOf(word[0]), FormOf(word[^1]));
            var letters = ToLetters(word);
            if (letters.Length < 2)
            {
                continue;
            }

            var reversed = Reverse(letters);
            score += WordEvidence(letters) - WordEvidence(reversed);
        }

        return score;
    }

    /// <summary>A visual-order (left-to-right as drawn) line read right to left: characters reversed, runs of
    /// left-to-right text (Latin words, numbers) kept as they were, and mirrored brackets swapped back.</summary>
    public static string VisualToLogical(string line)
    {
        var builder = new StringBuilder(line.Length);
        var i = line.Length - 1;
        while (i >= 0)
        {
            if (!IsLeftToRight(line[i]))
            {
                builder.Append(Mirror(line[i]));
                i--;
                continue;
            }

            // A left-to-right run, with the neutral characters that sit between its strong characters (2024/11, 3.5).
            var end = i;
            var start = i;
            while (start > 0 && (IsLeftToRight(line[start - 1])
                || (IsRunJoiner(line[start - 1]) && start > 1 && IsLeftToRight(line[start - 2]))))
            {
                start--;
            }

            builder.Append(line, start, end - start + 1);
            i = start - 1;
        }

        return builder.ToString();
    }

    /// <summary>Presentation forms replaced by the letters they show (NFKC, one character at a time so nothing else
    /// in the line is touched); lam-alef ligatures become two letters.</summary>
    public static string ToLetters(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsPresentationForm(c))
            {
                builder.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static bool IsPresentationForm(char c) => c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static bool IsArabicLetter(char c) =>
        (c is >= '\u0620' and <= '\u064A' or >= '\u066E' and <= '\u06D3' || IsPresentationForm(c)) && char.IsLetter(c);

    private static bool IsLeftToRight(char c) =>
        char.IsDigit(c) || (char.IsLetter(c) && !IsArabicLetter(c) && c is < '\u0590' or > '\u08FF');

    private static bool IsRunJoiner(char c) => c is '.' or ',' or '/' or ':' or '-' or '%' or ' ' or '\'';

    private static char Mirror(char c) => c switch
    {
        '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '<' => '>', '>' => '<', '«' => '»', '»' => '«',
        _ => c,
    };

    private static int FormEvidence(Form first, Form last) =>
        (first is Form.Initial ? 1 : first is Form.Final ? -1 : 0) + (last is Form.Final ? 1 : last is Form.Initial ? -1 : 0);

    private static int WordEvidence(string word)
    {
        var score = 0;
        if (CommonWords.Contains(word))
        {
            score += 2;
        }

        if (word.Length > 3 && word.StartsWith("ال", StringComparison.Ordinal))
        {
            score++;
        }

        if (word[^1] is 'ة' or 'ى')
        {
            score++;
        }

        return score;
    }

    private static string Reverse(string word)
    {
        var chars = word.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static Form FormOf(char c) => c is >= '\uFE80' and <= '\uFEFC' ? FormsB[c - '\uFE80'] : Form.None;

    private static Form[] BuildFormsB()
    {
        var forms = new Form[0xFEFC - 0xFE80 + 1];
        var index = 0;
        foreach (var size in FormGroups)
        {
            for (var k = 0; k < size && index < forms.Length; k++, index++)
            {
                forms[index] = (Form)(k + 1);
            }
        }

        return forms;
    }
}
