using Microsoft.ML.Tokenizers;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Counts tokens the way GPT-4o-family models do (o200k_base). Creating the tokenizer is costly: one per process.</summary>
public sealed class TokenCounter
{
    private readonly TiktokenTokenizer tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

    public int Count(string text) => tokenizer.CountTokens(text);

    /// <summary>The length of the longest prefix of <paramref name="text"/> that is at most <paramref name="maxTokens"/> tokens.</summary>
    public int PrefixLength(string text, int maxTokens) =>
        tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
}
