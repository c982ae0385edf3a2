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

    /// <summary>Measures the requests <see cref="ChatSummarizer"/> would send for <paramref name="article"/>: its own
    /// <see cref="SummaryPlan"/>, counting tokens with o200k_base (the GPT-4o family's encoding). The reply schema is
    /// counted as its JSON text, an estimate of how the service injects it.</summary>
    public static PromptCost Measure(Article article, TokenCounter tokens, int maxInputTokens) =>
        Of(SummaryPlan.Create(article, maxInputTokens, tokens), article, tokens);

    /// <summary>The cost of a plan made by <see cref="SummaryPlan.Create"/> or <see cref="ChatSummarizer.Plan"/>.</summary>
    public static PromptCost Of(SummaryPlan plan, Article article, TokenCounter tokens)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(tokens);
        var fixedTokens = tokens.Count(SchemaJson) + (2 * FramingTokensPerMessage) + ReplyPrimingTokens;
        var requestTokens = 0;
        var copies = int.MaxValue;
        foreach (var request in plan.Parts)
        {
            requestTokens += fixedTokens + tokens.Count(request.SystemMessage) + tokens.Count(request.UserMessage);
            copies = Math.Min(copies, Occurrences(request.SystemMessage + request.UserMessage, request.Article.Text));
        }

        var articleTokens = tokens.Count(article.Text) + (article.Title is null ? 0 : tokens.Count(article.Title));
        return new PromptCost(plan.Calls, articleTokens, requestTokens, copies);
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
