using NewsSummarizer.IntegrationTests.Models;

namespace NewsSummarizer.IntegrationTests.Resilience;

/// <summary>The retry budget of one model call, through the real SDK and resilience handler against a fake server.</summary>
public sealed class ModelRetryBudgetTests
{
    [Fact]
    public async Task SummarizeAsync_PersistentThrottle_MakesExactlyTheConfiguredAttempts()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = _ => FakeReply.Throttled(retryAfterSeconds: 0);
        await using var services = CreateServices(server, maxRetries: 2);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => services.SummarizeArticleAsync());

        Assert.True(error.Throttled);
        Assert.Equal(3, server.RequestCount); // 1 attempt + 2 retries, and no SDK retries on top
    }

    [Fact]
    public async Task SummarizeAsync_RetryAfterBeyondCap_FailsFastWithoutWaiting()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = _ => FakeReply.Throttled(retryAfterSeconds: 86_400);
        await using var services = CreateServices(server, maxRetries: 3);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => services.SummarizeArticleAsync());

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
    }

    [Fact]
    public async Task SummarizeAsync_ServerErrorsThenSuccess_RetriesUntilSuccess()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = n => n <= 2 ? new FakeReply(500) : FakeReply.Ok(FakeModelServer.ValidReply);
        await using var services = CreateServices(server, maxRetries: 3);

        var content = await services.SummarizeArticleAsync();

        Assert.Equal(FakeModelServer.EnglishSummary, content.Summary.En);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task SummarizeAsync_ReplySlowerThanAttemptTimeout_RetriesAndSucceeds()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = n => n == 1 ? new FakeReply(200, FakeModelServer.ValidReply, Delay: TimeSpan.FromSeconds(10)) : FakeReply.Ok(FakeModelServer.ValidReply);
        await using var services = CreateServices(server, maxRetries: 1);

        var content = await services.SummarizeArticleAsync();

        Assert.Equal(FakeModelServer.ArabicSummary, content.Summary.Ar);
        Assert.Equal(2, server.RequestCount);
    }

    private static ServiceProvider CreateServices(FakeModelServer server, int maxRetries) =>
        ModelServices.Create(ModelServices.Settings("AzureOpenAI", server, new Dictionary<string, string?>
        {
            ["Summarizer:ModelMaxRetries"] = ModelServices.Number(maxRetries),
            ["Summarizer:ModelAttemptTimeout"] = "00:00:01",
            ["Summarizer:ModelTotalTimeout"] = "00:00:30",
        }));
}
