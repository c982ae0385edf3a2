using System.Text.Json;
using NewsSummarizer.Tests.Summarization.Chat;

namespace NewsSummarizer.Tests.Summarization;

public sealed class ChatSummarizerLengthTests
{
    private const string OneSentenceEn = "The council approved the new budget on Monday after a long debate.";
    private const string OneSentenceAr = "وافق المجلس على الميزانية الجديدة يوم الاثنين بعد نقاش طويل.";

    private static readonly TokenCounter Tokens = new();
    private readonly Mock<IChatClient> chat = new(MockBehavior.Strict);
    private readonly List<List<ChatMessage>> requests = [];

    [Theory]
    [InlineData("brief", 1, "exactly 1 sentence each: about 12-25 words in English and 10-20 words in Arabic")]
    [InlineData("5", 5, "exactly 5 sentences each: about 60-125 words in English and 50-100 words in Arabic")]
    public async Task SummarizeAsync_RequestedLength_PromptAsksForIt(string text, int sentences, string asked)
    {
        SetupReplies(Reply(sentences));
        SummaryLength.TryParse(text, out var length, out _);

        await CreateSut().SummarizeAsync(TestData.English, length, CancellationToken.None);

        var user = Assert.Single(Assert.Single(requests), m => m.Role == ChatRole.User);
        Assert.Contains(asked, user.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_DefaultLength_PromptAsksForTwoToFourSentences()
    {
        SetupReplies(Reply(3));

        await CreateSut().SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None);

        var user = Assert.Single(Assert.Single(requests), m => m.Role == ChatRole.User);
        Assert.Contains("in 2 to 4 sentences each", user.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_ReplyFarOffTheLength_RepairsOnceAndKeepsTheRepairedReply()
    {
        SetupReplies(Reply(6), Reply(1));
        var content = await SummarizeBriefAsync();

        Assert.Equal(2, requests.Count);
        Assert.Equal(ChatRole.Assistant, requests[1][^2].Role);
        Assert.Contains("summary.en has 6 sentences", requests[1][^1].Text, StringComparison.Ordinal);
        Assert.Contains("exactly 1 sentence each", requests[1][^1].Text, StringComparison.Ordinal);
        Assert.Equal(OneSentenceEn, content.Summary.En);
    }

    [Fact]
    public async Task SummarizeAsync_ReplyStillFarOffAfterRepair_AcceptsItWithoutAThirdCall()
    {
        SetupReplies(Reply(6), Reply(5));
        var content = await SummarizeBriefAsync();

        Assert.Equal(2, requests.Count);
        Assert.Equal(string.Join(' ', Enumerable.Repeat(OneSentenceEn, 5)), content.Summary.En);
    }

    [Fact]
    public async Task SummarizeAsync_ReplyOffByOneSentence_AcceptsItWithoutRepair()
    {
        SetupReplies(Reply(4));
        SummaryLength.TryParse("3", out var length, out _);

        await CreateSut().SummarizeAsync(TestData.English, length, CancellationToken.None);

        Assert.Single(requests);
    }

    // The reply is checked with the splitter every other part uses: a one-sentence reply with abbreviations makes
    // no repair call (a count of full stops saw three sentences in it), and Arabic sentences run together without a
    // space after the full stop count one by one.
    [Fact]
    public async Task SummarizeAsync_BriefReplyWithAbbreviations_AcceptsItWithoutRepair()
    {
        SetupReplies(Reply(1, "Dr. Lee told the U.S. council on Monday that the new budget adds two bus lines."));

        await SummarizeBriefAsync();

        Assert.Single(requests);
    }

    [Fact]
    public async Task SummarizeAsync_ArabicSentencesWithoutSpaceAfterFullStop_CountsEachAndRepairs()
    {
        SetupReplies(Reply(1, ar: string.Concat(Enumerable.Repeat(OneSentenceAr, 4))), Reply(1));

        await SummarizeBriefAsync();

        Assert.Equal(2, requests.Count);
        Assert.Contains("summary.ar has 4 sentences", requests[1][^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_ReplyOverTwiceTheWords_Repairs()
    {
        var rambling = "The council approved the budget " + string.Join(' ', Enumerable.Repeat("and debated", 30)) + ".";
        SetupReplies(Reply(1, rambling), Reply(1));
        await SummarizeBriefAsync();

        Assert.Equal(2, requests.Count);
        Assert.Contains("summary.en has 1 sentences and 65 words", requests[1][^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_LengthRepairBlocked_KeepsTheFirstReply()
    {
        var replies = new Queue<ChatResponse>(
        [
            new ChatResponse(new ChatMessage(ChatRole.Assistant, Reply(6))),
            new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Empty)) { FinishReason = ChatFinishReason.ContentFilter },
        ]);
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((messages, _, _) => requests.Add([.. messages]))
            .ReturnsAsync(replies.Dequeue);
        var content = await SummarizeBriefAsync();

        Assert.Equal(2, requests.Count);
        Assert.Equal(string.Join(' ', Enumerable.Repeat(OneSentenceEn, 6)), content.Summary.En);
    }

    private static string Reply(int sentences, string? en = null, string? ar = null) => JsonSerializer.Serialize(new
    {
        title = new { ar = "عنوان الخبر", en = "News headline" },
        summary = new
        {
            ar = ar ?? string.Join(' ', Enumerable.Repeat(OneSentenceAr, sentences)),
            en = en ?? string.Join(' ', Enumerable.Repeat(OneSentenceEn, sentences)),
        },
        keyPoints = new { ar = new[] { "النقطة الأولى" }, en = new[] { "First point" } },
    });

    private void SetupReplies(params string[] replies)
    {
        var queue = new Queue<string>(replies);
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((messages, _, _) => requests.Add([.. messages]))
            .ReturnsAsync(() => new ChatResponse(new ChatMessage(ChatRole.Assistant, queue.Dequeue())) { Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 40 } });
    }

    /// <summary>Summarises the English sample at length <c>brief</c> (one sentence).</summary>
    private Task<SummaryContent> SummarizeBriefAsync()
    {
        SummaryLength.TryParse("brief", out var length, out _);
        return CreateSut().SummarizeAsync(TestData.English, length, CancellationToken.None);
    }

    private ChatSummarizer CreateSut() => ChatTestKit.Summarizer(chat.Object, tokens: Tokens);
}
