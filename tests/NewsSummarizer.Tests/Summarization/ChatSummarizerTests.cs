using System.Text.Json;
using NewsSummarizer.Tests.Summarization.Chat;

namespace NewsSummarizer.Tests.Summarization;

public sealed class ChatSummarizerTests
{
    private static readonly TokenCounter Tokens = new();
    private readonly Mock<IChatClient> chat = new(MockBehavior.Strict);
    private readonly List<List<ChatMessage>> requests = [];

    internal static string Reply(string ar = "ملخص عربي قصير عن الاجتماع والقرار", string en = "A short English summary of the meeting") =>
        JsonSerializer.Serialize(new
        {
            title = new { ar = "عنوان الخبر", en = "News headline" },
            summary = new { ar, en },
            keyPoints = new { ar = new[] { "النقطة الأولى", "النقطة الثانية" }, en = new[] { "First point", "Second point" } },
        });

    [Fact]
    public async Task SummarizeAsync_ValidReply_ParsesBothLanguagesAndUsage()
    {
        SetupReplies(Reply());
        var sut = CreateSut();

        var content = await sut.SummarizeAsync(TestData.Arabic, SummaryLength.Default, CancellationToken.None);

        Assert.Equal("ملخص عربي قصير عن الاجتماع والقرار", content.Summary.Ar);
        Assert.Equal("A short English summary of the meeting", content.Summary.En);
        Assert.Equal(["First point", "Second point"], content.KeyPoints.En);
        Assert.Equal(["النقطة الأولى", "النقطة الثانية"], content.KeyPoints.Ar);
        Assert.Empty(content.Unavailable);
        Assert.Equal(new ModelUsage(ModelProvider.AzureOpenAI, "gpt-test", SummaryPrompt.Version, 100, 40), content.Model);
    }

    [Fact]
    public async Task SummarizeAsync_AnyArticle_SendsArticleExactlyOnceAsDelimitedUserData()
    {
        SetupReplies(Reply());
        var sut = CreateSut();

        await sut.SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None);

        var messages = Assert.Single(requests);
        var system = Assert.Single(messages, m => m.Role == ChatRole.System);
        var user = Assert.Single(messages, m => m.Role == ChatRole.User);
        Assert.DoesNotContain("city council", system.Text, StringComparison.Ordinal);
        Assert.Equal(1, CountOccurrences(string.Concat(messages.Select(m => m.Text)), TestData.EnglishArticle));
        var start = user.Text.IndexOf("<<<ARTICLE id=", StringComparison.Ordinal);
        var end = user.Text.IndexOf("<<<END ARTICLE id=", StringComparison.Ordinal);
        var article = user.Text.IndexOf(TestData.EnglishArticle, StringComparison.Ordinal);
        Assert.True(start >= 0 && start < article && article < end, "The article must sit between the markers.");
    }

    [Fact]
    public async Task SummarizeAsync_AnyArticle_RequestsJsonSchemaOutput()
    {
        ChatOptions? options = null;
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((_, o, _) => options = o)
            .ReturnsAsync(Response(Reply()));

        await CreateSut().SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None);

        var format = Assert.IsType<ChatResponseFormatJson>(options?.ResponseFormat);
        Assert.Equal(SummaryPrompt.SchemaName, format.SchemaName);
        Assert.NotNull(format.Schema);
    }

    [Fact]
    public async Task SummarizeAsync_InvalidThenValidReply_RepairsOnceAndAddsUsage()
    {
        SetupReplies(Reply(ar: "This is not Arabic at all"), Reply());
        var sut = CreateSut();

        var content = await sut.SummarizeAsync(TestData.Arabic, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(2, requests.Count);
        var repair = requests[1];
        Assert.Equal(ChatRole.Assistant, repair[^2].Role);
        Assert.Contains("summary.ar", repair[^1].Text, StringComparison.Ordinal);
        Assert.Equal(200, content.Model.InputTokens);
        Assert.Equal(80, content.Model.OutputTokens);
    }

    [Fact]
    public async Task SummarizeAsync_InvalidTwice_FailsWithClearError()
    {
        SetupReplies("not json", Reply(en: "ملخص بالعربية بدلا من الإنجليزية"));
        var sut = CreateSut();

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => sut.SummarizeAsync(TestData.Arabic, SummaryLength.Default, CancellationToken.None));

        Assert.Equal("invalid-model-reply", error.Code);
        Assert.Contains("summary.en", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, requests.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"title\":{\"ar\":\"عنوان\",\"en\":\"Title\"}}")]
    [InlineData("[1,2,3]")]
    public async Task SummarizeAsync_MalformedReplyTwice_Fails(string reply)
    {
        SetupReplies(reply, reply);

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => CreateSut().SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None));

        Assert.Equal("invalid-model-reply", error.Code);
    }

    private static ChatResponse Response(string text) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 40 } };

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private void SetupReplies(params string[] replies)
    {
        var queue = new Queue<string>(replies);
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((messages, _, _) => requests.Add([.. messages]))
            .ReturnsAsync(() => Response(queue.Dequeue()));
    }

    private ChatSummarizer CreateSut() => ChatTestKit.Summarizer(chat.Object, tokens: Tokens);
}
