namespace NewsSummarizer.Tests.Summarization;

public sealed class ConcurrencyLimitingChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_ManyCallers_NeverMoreInFlightThanTheLimit()
    {
        var inFlight = 0;
        var maxSeen = 0;
        var release = new TaskCompletionSource();
        var inner = new Mock<IChatClient>();
        inner.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxSeen, now);
                await release.Task;
                Interlocked.Decrement(ref inFlight);
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
            });
        using var sut = CreateSut(inner.Object, limit: 3);

        var calls = Enumerable.Range(0, 20).Select(_ => sut.GetResponseAsync([new ChatMessage(ChatRole.User, "x")])).ToArray();
        await WaitUntilAsync(() => Volatile.Read(ref inFlight) == 3);
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(3, maxSeen);
        inner.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Exactly(20));
    }

    [Fact]
    public async Task GetResponseAsync_CallFails_ReleasesItsSlot()
    {
        var inner = new Mock<IChatClient>();
        inner.SetupSequence(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("down"))
            .ReturnsAsync(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
        using var sut = CreateSut(inner.Object, limit: 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => sut.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));
        var second = await sut.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        Assert.Equal("ok", second.Text);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "The condition was not reached.");
    }

    private static ConcurrencyLimitingChatClient CreateSut(IChatClient inner, int limit) => new(inner, limit);
}
