namespace NewsSummarizer.Text;

/// <summary>Orthographic normalisation of Arabic: the spelling variants writers and references mix freely.</summary>
/// <remarks>Folds alef variants (أ إ آ ٱ) to ا, ى to ي, ة to ه, and removes diacritics (U+064B–U+0652, U+0670)
/// and tatweel (U+0640). Everything else is kept unchanged, so the result stays readable.</remarks>
public static class ArabicNormalizer
{
    /// <summary>Returns the normalised text; the same instance when nothing changes.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfChange(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(NormalizedLength(text), text, static (buffer, source) => NormalizeTo(source, buffer));
    }

    /// <summary>The length of <paramref name="text"/> once normalised.</summary>
    public static int NormalizedLength(ReadOnlySpan<char> text)
    {
        var removed = 0;
        foreach (var c in text)
        {
            if (IsRemoved(c))
            {
                removed++;
            }
        }

        return text.Length - removed;
    }

    /// <summary>Writes <paramref name="text"/> normalised to <paramref name="destination"/> (at least
    /// <see cref="NormalizedLength"/> long) and returns how many characters it wrote.</summary>
    public static int NormalizeTo(ReadOnlySpan<char> text, Span<char> destination)
    {
        var written = 0;
        foreach (var c in text)
        {
            if (!IsRemoved(c))
            {
                destination[written++] = Fold(c);
            }
        }

        return written;
    }

    /// <summary>True for the characters <see cref="Normalize"/> removes: harakat, superscript alef, tatweel.</summary>
    public static bool IsRemoved(char c) => c is (>= '\u064B' and <= '\u0652') or '\u0670' or '\u0640';

    /// <summary>Maps one letter to its normalised form (identity for letters that need no folding).</summary>
    public static char Fold(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627',
        '\u0649' => '\u064A',
        '\u0629' => '\u0647',
        _ => c,
    };

    private static int IndexOfChange(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsRemoved(c) || Fold(c) != c)
            {
                return i;
            }
        }

        return -1;
    }
}
