using System.Globalization;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>The requests <see cref="ChatSummarizer"/> makes for one article within an input budget: one per part and,
/// for a split article, one more that combines the parts' summaries. The summariser sends this plan and
/// <c>newsum cost</c> measures it, so the call count and the prompts are the service's by construction.</summary>
public sealed record SummaryPlan(IReadOnlyList<PlannedRequest> Parts, int Budget)
{
    internal const string CombineTask =
        "The article below is made of summaries of consecutive parts of one long article. " +
        "Write one summary of the whole article in Arabic and English.";

    /// <summary>Whether the parts' summaries are combined by one more call.</summary>
    public bool Combines => Parts.Count > 1;

    /// <summary>Model calls without repairs or retries: one per part, plus the combining call.</summary>
    public int Calls => Parts.Count + (Combines ? 1 : 0);

    /// <summary>The plan for <paramref name="article"/> within <paramref name="budget"/> input tokens. The title travels
    /// with the article (and with the first part), so it counts against the budget too. The single request, or the
    /// combining one, asks for <paramref name="length"/>; the parts of a split article ask for the default.</summary>
    public static SummaryPlan Create(Article article, int budget, TokenCounter tokens, SummaryLength? length = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(tokens);
        var titleTokens = article.Title is null ? 0 : tokens.Count(SummaryPrompt.TitleLine(article.Title));
        if (titleTokens + tokens.Count(article.Text) <= budget)
        {
            return new SummaryPlan([Request(article, SummaryPrompt.WithLength(SummaryPrompt.SingleTask, LengthTarget.For(length ?? SummaryLength.Default)))], budget);
        }

        var parts = new ArticleSplitter(tokens).Split(article.Text, Math.Max(budget - titleTokens, Math.Max(1, budget / 2)));
        var requests = new PlannedRequest[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var task = string.Create(
                CultureInfo.InvariantCulture,
                $"This is part {i + 1} of {parts.Count} of one long article. Summarise this part in Arabic and English.");
            task = SummaryPrompt.WithLength(task, LengthTarget.Default);
            requests[i] = Request(article with { Text = parts[i], Title = i == 0 ? article.Title : null }, task);
        }

        return new SummaryPlan(requests, budget);
    }

    /// <summary>The request that combines the parts' summaries into one of <paramref name="length"/>.</summary>
    internal static PlannedRequest Combine(Article combined, SummaryLength length) =>
        Request(combined, SummaryPrompt.WithLength(CombineTask, LengthTarget.For(length)));

    private static PlannedRequest Request(Article article, string task) =>
        new(article, task, SummaryPrompt.SystemMessage, SummaryPrompt.UserMessage(article, task));
}
