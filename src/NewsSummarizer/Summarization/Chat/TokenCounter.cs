using Microsoft.ML.Tokenizers;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Counts tokens the way GPT-4o-family models do (o200k_base).</summary>
/// <remarks>Creating the tokenizer is costly: one per process. Byte-pair encoding costs the square of a pre-token's
/// length, and a run of letters (or of any characters without white space) is one pre-token: 200,000 letters took 7.5
/// s. Runs longer than <see cref="MaxRun"/> characters are therefore counted in pieces of that length, which keeps the
/// cost linear and the count within a token or two per piece of the tokenizer's; text without such runs (all real
/// prose) is counted exactly as the tokenizer counts it.</remarks>
public sealed class TokenCounter
{
    /// <summary>The longest run of characters without white space (or of white space) counted in one piece.</summary>
    internal const int MaxRun = 256;

    private readonly TiktokenTokenizer tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

    public int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Count(text.AsSpan());
    }

    public int Count(ReadOnlySpan<char> text)
    {
        var total = 0;
        var start = 0;
        foreach (var cut in Cuts(text))
        {
            total += tokenizer.CountTokens(text[start..cut]);
            start = cut;
        }

        return total;
    }

    /// <summary>The length of the longest prefix of <paramref name="text"/> that is at most <paramref name="maxTokens"/>
    /// tokens (as <see cref="Count(ReadOnlySpan{char})"/> counts them). Costs the prefix, not the whole text.</summary>
    public int PrefixLength(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PrefixLength(text.AsSpan(), maxTokens);
    }

    /// <inheritdoc cref="PrefixLength(string, int)"/>
    public int PrefixLength(ReadOnlySpan<char> text, int maxTokens)
    {
        var total = 0;
        var start = 0;
        foreach (var cut in Cuts(text))
        {
            var piece = text[start..cut];
            var tokens = tokenizer.CountTokens(piece);
            if (total + tokens > maxTokens)
            {
                return start + tokenizer.GetIndexByTokenCount(piece, maxTokens - total, out _, out _);
            }

            total += tokens;
            start = cut;
        }

        return text.Length;
    }

    /// <summary>The ends of the pieces <paramref name="text"/> is counted in: inside runs longer than
    /// <see cref="MaxRun"/>, and the end of the text.</summary>
    private static List<int> Cuts(ReadOnlySpan<char> text)
    {
        var cuts = new List<int>();
        var run = 0;
        var inSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var space = char.IsWhiteSpace(text[i]);
            if (space != inSpace || run == MaxRun)
            {
                if (run == MaxRun && space == inSpace)
                {
                    // Never between the halves of a surrogate pair.
                    cuts.Add(char.IsLowSurrogate(text[i]) ? i - 1 : i);
                }

                run = 0;
                inSpace = space;
            }

            run++;
        }

        cuts.Add(text.Length);
        return cuts;
    }
}
