using System.Globalization;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Summarization.Chat;

public sealed class ChatSummarizerSplitTests
{
    private const int Budget = 500;
    private static readonly TokenCounter Tokens = new();

    [Fact]
    public async Task SummarizeAsync_ArticleWithinBudget_MakesOneCall()
    {
        var calls = new List<List<ChatMessage>>();

        await CreateSut(calls).SummarizeAsync(Article(Paragraphs(3)), SummaryLength.Default, CancellationToken.None);

        Assert.Single(calls);
    }

    [Fact]
    public async Task SummarizeAsync_LongArticle_SendsEveryParagraphExactlyOnce()
    {
        var paragraphs = Paragraphs(40);
        var calls = new List<List<ChatMessage>>();

        await CreateSut(calls).SummarizeAsync(Article(paragraphs), SummaryLength.Default, CancellationToken.None);

        var partData = calls.SkipLast(1).Select(c => ChatTestKit.Sections(c[1].Text).Data).ToList();
        Assert.True(partData.Count > 2, $"Expected several parts, got {partData.Count}.");
        var sent = partData.SelectMany(ChatTestKit.ArticleLines).ToList();
        Assert.Equal(paragraphs, sent);
    }

    [Fact]
    public async Task SummarizeAsync_LongArticle_KeepsEveryPartWithinBudget()
    {
        var calls = new List<List<ChatMessage>>();

        await CreateSut(calls).SummarizeAsync(Article(Paragraphs(40)), SummaryLength.Default, CancellationToken.None);

        Assert.All(calls.SkipLast(1), c => Assert.InRange(Tokens.Count(ChatTestKit.Sections(c[1].Text).Data), 1, Budget));
    }

    [Fact]
    public async Task SummarizeAsync_OversizedParagraph_SendsAllItsWordsOnceInOrder()
    {
        var paragraphs = Paragraphs(3);
        var giant = string.Join(' ', Enumerable.Range(0, 400).Select(i => string.Create(CultureInfo.InvariantCulture, $"word{i} sentence ends here.")));
        paragraphs.Insert(1, giant);
        var calls = new List<List<ChatMessage>>();

        await CreateSut(calls).SummarizeAsync(Article(paragraphs), SummaryLength.Default, CancellationToken.None);

        var lines = calls.SkipLast(1).SelectMany(c => ChatTestKit.ArticleLines(ChatTestKit.Sections(c[1].Text).Data)).ToList();
        Assert.Equal(string.Join(' ', paragraphs), string.Join(' ', lines));
        Assert.Equal(1, lines.Count(l => l == paragraphs[0]));
        Assert.Equal(1, lines.Count(l => l == paragraphs[^1]));
        Assert.All(calls.SkipLast(1), c => Assert.InRange(Tokens.Count(ChatTestKit.Sections(c[1].Text).Data), 1, Budget));
    }

    [Fact]
    public async Task SummarizeAsync_LongArticle_CombinationCallGetsEveryPartSummary()
    {
        var calls = new List<List<ChatMessage>>();

        var content = await CreateSut(calls).SummarizeAsync(Article(Paragraphs(40)), SummaryLength.Default, CancellationToken.None);

        var parts = calls.Count - 1;
        var combination = ChatTestKit.Sections(calls[^1][1].Text);
        Assert.StartsWith("The article below is made of summaries", combination.Before, StringComparison.Ordinal);
        for (var i = 0; i < parts; i++)
        {
            Assert.Contains(ChatTestKit.EnglishSummary(i), combination.Data, StringComparison.Ordinal);
            Assert.Contains(ChatTestKit.ArabicSummary(i), combination.Data, StringComparison.Ordinal);
        }

        Assert.Equal(ChatTestKit.EnglishSummary(parts), content.Summary.En);
        Assert.Equal(100 * calls.Count, content.Model.InputTokens);
    }

    [Fact]
    public async Task SummarizeAsync_LongArticle_NumbersPartsInTaskLines()
    {
        var calls = new List<List<ChatMessage>>();

        await CreateSut(calls).SummarizeAsync(Article(Paragraphs(40)), SummaryLength.Default, CancellationToken.None);

        var parts = calls.Count - 1;
        for (var i = 0; i < parts; i++)
        {
            var expected = string.Create(CultureInfo.InvariantCulture, $"This is part {i + 1} of {parts} ");
            Assert.StartsWith(expected, ChatTestKit.Sections(calls[i][1].Text).Before, StringComparison.Ordinal);
        }
    }

    /// <summary>Distinct paragraphs of about 50 tokens each.</summary>
    private static List<string> Paragraphs(int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Create(
            CultureInfo.InvariantCulture,
            $"Paragraph {i}: the minister said on Monday that the budget for year {2000 + i} will fund {i * 7} schools, " +
            $"and parliament will vote on plan number {i} next week after a debate about roads and hospitals."))];

    private static Article Article(IEnumerable<string> paragraphs) =>
        new(string.Join("\n\n", paragraphs), "Budget", ArticleLanguage.English);

    private static ChatSummarizer CreateSut(List<List<ChatMessage>> calls) => ChatTestKit.Summarizer(
        ChatTestKit.RecordingModel(calls).Object, new SummarizerOptions { MaxInputTokens = Budget }, new ChatModelInfo(ModelProvider.OpenAI, "test-model"), Tokens);
}
