using System.Globalization;
using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>What the prompt asks of each summary for a <see cref="SummaryLength"/>, and the check of a reply against
/// it.</summary>
/// <remarks>Word ranges per sentence: 12-25 English words, 10-20 Arabic words (Arabic attaches articles, prepositions
/// and pronouns to the word, so the same sentence has fewer words). A ratio cannot be turned into sentences before the
/// article is split, so the model gets the default for it.</remarks>
internal sealed record LengthTarget(int MinSentences, int MaxSentences, int MinWordsEn, int MaxWordsEn, int MinWordsAr, int MaxWordsAr)
{
    public static LengthTarget Default { get; } = new(2, 4, 30, 90, 25, 75);

    public static LengthTarget For(SummaryLength length)
    {
        ArgumentNullException.ThrowIfNull(length);
        return length.Sentences is { } n ? new(n, n, 12 * n, 25 * n, 10 * n, 20 * n) : Default;
    }

    /// <summary>The task line's length request.</summary>
    public string Instruction()
    {
        var sentences = MinSentences == MaxSentences
            ? MinSentences == 1 ? "exactly 1 sentence" : string.Create(CultureInfo.InvariantCulture, $"exactly {MinSentences} sentences")
            : string.Create(CultureInfo.InvariantCulture, $"{MinSentences} to {MaxSentences} sentences");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Write summary.ar and summary.en in {sentences} each: about {MinWordsEn}-{MaxWordsEn} words in English and {MinWordsAr}-{MaxWordsAr} words in Arabic.");
    }

    /// <summary>How each summary of <paramref name="reply"/> is far off this target (a sentence count off by more than
    /// one, or more than twice the range's top in words; a short sentence is never far off); none when it is close enough.</summary>
    public IReadOnlyList<string> FarOff(ModelReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var problems = new List<string>();
        Check(reply.Summary?.En, "summary.en", MaxWordsEn, problems);
        Check(reply.Summary?.Ar, "summary.ar", MaxWordsAr, problems);
        return problems;
    }

    private void Check(string? text, string field, int maxWords, List<string> problems)
    {
        if (text is null)
        {
            return;
        }

        var sentences = CountSentences(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (sentences < MinSentences - 1 || sentences > MaxSentences + 1 || words > 2 * maxWords)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field} has {sentences} sentences and {words} words"));
        }
    }

    /// <summary>The sentences of a reply's summary, counted by <see cref="SentenceSplitter"/>: the same sentences the
    /// offline provider and the evaluation see (abbreviations such as "U.S." or "Dr." are not ends; Arabic full stops
    /// without a following space are).</summary>
    internal static int CountSentences(string text) => SentenceSplitter.Split(text).Count;
}
