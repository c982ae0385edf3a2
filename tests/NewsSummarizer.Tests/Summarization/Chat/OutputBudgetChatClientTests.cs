namespace NewsSummarizer.Tests.Summarization.Chat;

/// <summary><c>finish_reason: length</c> (the reply was cut at <c>max_completion_tokens</c>; OpenAI's chat completion
/// object documents it, and a reasoning model may spend the whole budget on hidden reasoning) is asked again once
/// with twice the budget; the caller is charged for both calls.</summary>
public sealed class OutputBudgetChatClientTests
{
    private readonly Mock<IChatClient> model = new(MockBehavior.Strict);
    private readonly List<int?> budgets = [];

    [Fact]
    public async Task GetResponseAsync_CutOnce_AsksAgainWithTwiceTheBudgetAndReportsBothCallsUsage()
    {
        Replies(Cut(input: 1000, output: 4000), Finished("reply", input: 1000, output: 5000));

        var response = await CreateSut().GetResponseAsync([], new ChatOptions { MaxOutputTokens = 4000 });

        Assert.Equal([4000, 8000], budgets);
        Assert.Equal("reply", response.Text);
        Assert.Equal(2000, response.Usage?.InputTokenCount);
        Assert.Equal(9000, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task GetResponseAsync_Finished_MakesOneCall()
    {
        Replies(Finished("reply", input: 10, output: 20));

        var response = await CreateSut().GetResponseAsync([], new ChatOptions { MaxOutputTokens = 4000 });

        Assert.Equal([4000], budgets);
        Assert.Equal(20, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task GetResponseAsync_CutTwice_IsFinalOutputTruncated()
    {
        Replies(Cut(input: 1, output: 4000), Cut(input: 1, output: 8000));

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => CreateSut().GetResponseAsync([], new ChatOptions { MaxOutputTokens = 4000 }));

        Assert.Equal(ModelErrorCodes.OutputTruncated, error.Code);
        Assert.Equal(2, budgets.Count);
    }

    private OutputBudgetChatClient CreateSut() => new(model.Object, NullLogger.Instance);

    private void Replies(params ChatResponse[] responses)
    {
        var next = 0;
        model.Setup(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<ChatMessage> _, ChatOptions? options, CancellationToken _) =>
            {
                budgets.Add(options?.MaxOutputTokens);
                return responses[next++];
            });
    }

    private static ChatResponse Cut(long input, long output) => new(new ChatMessage(ChatRole.Assistant, "{\"summary\":"))
    {
        FinishReason = ChatFinishReason.Length,
        Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output },
    };

    private static ChatResponse Finished(string text, long input, long output) => new(new ChatMessage(ChatRole.Assistant, text))
    {
        FinishReason = ChatFinishReason.Stop,
        Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output },
    };
}
