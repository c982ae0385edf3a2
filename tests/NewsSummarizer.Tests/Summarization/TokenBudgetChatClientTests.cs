namespace NewsSummarizer.Tests.Summarization;

/// <summary>The per-instance tokens-per-minute budget, on fake time: waits are computed, never measured.</summary>
public sealed class TokenBudgetChatClientTests
{
    private const int Budget = 6_000; // 100 tokens per second
    private static readonly TokenCounter Tokens = new();
    private readonly FakeTimeProvider time = new();
    private readonly Mock<IChatClient> model = new(MockBehavior.Strict);
    private int calls;

    public TokenBudgetChatClientTests()
    {
        model.Setup(m => m.Dispose());
        model.Setup(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                calls++;
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, "{}"));
            });
    }

    [Fact]
    public async Task GetResponseAsync_WithinBudget_CallsAtOnce()
    {
        using var sut = CreateSut();

        await sut.GetResponseAsync([], Output(3_000));
        await sut.GetResponseAsync([], Output(3_000));

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task GetResponseAsync_BudgetSpent_WaitsUntilTheBucketRefillsThenCalls()
    {
        using var sut = CreateSut();
        await sut.GetResponseAsync([], Output(Budget));

        var waiting = sut.GetResponseAsync([], Output(3_000));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, calls);

        time.Advance(TimeSpan.FromSeconds(1));
        await waiting;
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task GetResponseAsync_CancelledWhileWaiting_GivesItsShareBack()
    {
        using var sut = CreateSut();
        await sut.GetResponseAsync([], Output(Budget));
        using var cancel = new CancellationTokenSource();
        var cancelled = sut.GetResponseAsync([], Output(3_000), cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var next = sut.GetResponseAsync([], Output(3_000));
        time.Advance(TimeSpan.FromSeconds(30)); // without the refund it would need 60 s

        await next;
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Estimate_PromptAndOutputBudget_CountsBothAsAzureDoes()
    {
        using var sut = CreateSut();
        ChatMessage[] messages = [new(ChatRole.System, "You summarise news."), new(ChatRole.User, "The council approved the budget.")];

        var estimate = sut.Estimate(messages, Output(4_000));

        Assert.Equal(Tokens.Count("You summarise news.") + Tokens.Count("The council approved the budget.") + 4_000, estimate);
    }

    private static ChatOptions Output(int maxOutputTokens) => new() { MaxOutputTokens = maxOutputTokens };

    private TokenBudgetChatClient CreateSut() => new(model.Object, Budget, Tokens, time);
}
