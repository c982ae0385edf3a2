using NewsSummarizer.Text;

namespace NewsSummarizer.Evaluation;

/// <summary>The lead baseline at a summary's own length: the article's opening cut after as many words as the summary
/// has, even mid-sentence (<see cref="Words.Prefix"/>, counting as <see cref="Words.Count"/>).</summary>
/// <remarks>At equal length a summariser can only win by choosing better words than the opening, not by being longer.</remarks>
public static class LengthMatchedLead
{
    /// <summary>The article's sentences, joined with spaces, up to and including the <paramref name="words"/>-th word.</summary>
    public static string Cut(IReadOnlyList<string> sentences, int words)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        return Words.Prefix(string.Join(' ', sentences), words);
    }
}
