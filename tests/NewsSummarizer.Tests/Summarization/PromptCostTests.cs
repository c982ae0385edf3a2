using NewsSummarizer.Articles;
using NewsSummarizer.Tests.Summarization.Chat;

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

    [Fact]
    public async Task Measure_TitledArticleAtTheBudgetEdge_CountsTheCallsTheSummarizerMakes()
    {
        // The text alone fits the budget; with the title it does not, so the service splits it.
        var text = string.Join('\n', Enumerable.Range(0, 6).Select(i => $"Paragraph {i}: " + TestData.EnglishArticle.Replace('\n', ' ')));
        var article = new Article(text, "The council's long budget debate, explained in full", ArticleLanguage.English);
        var budget = Tokens.Count(text);
        var chat = new Mock<IChatClient>(MockBehavior.Strict);
        var sent = new List<string>();
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((messages, _, _) => sent.Add(messages.Last().Text))
            .ReturnsAsync(() => new ChatResponse(new ChatMessage(ChatRole.Assistant, ChatSummarizerTests.Reply())));
        var summarizer = ChatTestKit.Summarizer(chat.Object, new SummarizerOptions { MaxInputTokens = budget }, tokens: Tokens);

        var cost = PromptCost.Measure(article, Tokens, budget);
        await summarizer.SummarizeAsync(article, SummaryLength.Default, CancellationToken.None);

        Assert.True(sent.Count >= 3, $"The summariser should split the titled article; it made {sent.Count} calls.");
        Assert.Equal(sent.Count, cost.Calls);
        Assert.Equal(summarizer.Plan(article).Parts.Select(p => p.UserMessage), sent.Take(sent.Count - 1));
    }
}
