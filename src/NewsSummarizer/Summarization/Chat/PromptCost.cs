using System.Text.Json;
using Microsoft.Extensions.AI;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>What one article costs in model input: its own tokens against the tokens of the requests that carry it.</summary>
/// <param name="Calls">Model calls for the article: 1, or one per part plus the combining call for long articles.</param>
/// <param name="ArticleTokens">Tokens of the article text (and title) alone.</param>
/// <param name="RequestTokens">Input tokens of the first request: system message, user message, reply schema and the
/// chat framing. For a split article, the part requests together (the combining call carries summaries, not the article).</param>
/// <param name="ArticleCopies">How many times the article's text (each part's, for a split article) appears in the
/// request that carries it: 1 by design.</param>
public sealed record PromptCost(int Calls, int ArticleTokens, int RequestTokens, int ArticleCopies)
{
    // Chat completions add a few tokens per message (role and separators) and to prime the reply.
    private const int FramingTokensPerMessage = 4;
    private const int ReplyPrimingTokens = 3;

    /// <summary>The fixed instruction overhead: everything in the requests that is not the article.</summary>
    public int OverheadTokens => RequestTokens - ArticleTokens;

    /// <summary>Measures the requests <see cref="ChatSummarizer"/> would send for <paramref name="article"/>, with the
    /// same prompt, schema and splitting, counting tokens with o200k_base (the GPT-4o family's encoding). The reply
    /// schema is counted as its JSON text, an estimate of how the service injects it.</summary>
    public static PromptCost Measure(Article article, TokenCounter tokens, int maxInputTokens)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(tokens);
        var fixedTokens = tokens.Count(SummaryPrompt.SystemMessage) + tokens.Count(SchemaJson) + (2 * FramingTokensPerMessage) + ReplyPrimingTokens;
        var parts = tokens.Count(article.Text) <= maxInputTokens
            ? [article.Text]
            : new ArticleSplitter(tokens).Split(article.Text, maxInputTokens);
        var requestTokens = 0;
        var copies = int.MaxValue;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = article with { Text = parts[i], Title = i == 0 ? article.Title : null };
            var user = SummaryPrompt.UserMessage(part, parts.Count == 1 ? SummaryPrompt.SingleTask : "This is part 1 of 2 of one long article.");
            requestTokens += fixedTokens + tokens.Count(user);
            copies = Math.Min(copies, Occurrences(SummaryPrompt.SystemMessage + user, parts[i]));
        }

        var articleTokens = tokens.Count(article.Text) + (article.Title is null ? 0 : tokens.Count(article.Title));
        return new PromptCost(parts.Count == 1 ? 1 : parts.Count + 1, articleTokens, requestTokens, copies);
    }

    private static string SchemaJson { get; } = JsonSerializer.Serialize(((ChatResponseFormatJson)SummaryPrompt.ResponseFormat).Schema);

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
