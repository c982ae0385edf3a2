namespace NewsSummarizer.Evaluation;

/// <summary>The lead baseline at a summary's own length: the article's opening cut after as many words as the summary
/// has (<see cref="Text.Words.Count"/>), even mid-sentence. At equal length a summariser can only win by choosing
/// better words than the opening, not by being longer.</summary>
public static class LengthMatchedLead
{
    /// <summary>The article's sentences, joined with spaces, up to and including the <paramref name="words"/>-th word.</summary>
    public static string Cut(IReadOnlyList<string> sentences, int words)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        var text = string.Join(' ', sentences);
        if (words == 0)
        {
            return string.Empty;
        }

        // Counts words exactly as Words.Count does: white-space separated tokens holding a letter or digit.
        var counted = 0;
        var inWord = false;
        var hasContent = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (inWord && hasContent && ++counted == words)
                {
                    return text[..i];
                }

                inWord = hasContent = false;
                continue;
            }

            inWord = true;
            hasContent |= char.IsLetterOrDigit(text[i]);
        }

        return text;
    }
}
