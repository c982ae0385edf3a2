using NewsSummarizer.Articles;
using NewsSummarizer.Summarization.Chat;

namespace NewsSummarizer.Tests.Summarization;

public sealed class PromptCostTests
{
    private static readonly TokenCounter Tokens = new();

    [Fact]
    public void Measure_NewsArticle_SendsItOnceInOneCallWithOverheadUnder500Tokens()
    {
        var cost = PromptCost.Measure(TestData.Arabic, Tokens, maxInputTokens: 24_000);

        Assert.Equal(1, cost.Calls);
        Assert.Equal(1, cost.ArticleCopies);
        Assert.Equal(Tokens.Count(TestData.ArabicArticle), cost.ArticleTokens);
        Assert.InRange(cost.OverheadTokens, 1, 499);
    }

    [Fact]
    public void Measure_ArticleOverBudget_CountsOneCallPerPartPlusTheCombination()
    {
        var paragraphs = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"Paragraph {i}: " + TestData.EnglishArticle.Replace('\n', ' ')));
        var article = new Article(paragraphs, "A long report", ArticleLanguage.English);

        var cost = PromptCost.Measure(article, Tokens, maxInputTokens: 1_000);

        Assert.True(cost.Calls >= 3, $"Expected at least two parts and a combining call, got {cost.Calls} calls.");
        Assert.Equal(1, cost.ArticleCopies);
    }
}
