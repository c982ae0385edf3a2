using NewsSummarizer.IntegrationTests.Models;

namespace NewsSummarizer.IntegrationTests.Resilience;

/// <summary>The retry budget of one model call, through the real SDK and resilience handler against a fake server.</summary>
public sealed class ModelRetryBudgetTests
{
    [Fact]
    public async Task SummarizeAsync_PersistentThrottle_MakesExactlyTheConfiguredAttempts()
    {
        var (server, error) = await RunAsync(
            _ => FakeReply.Throttled(retryAfterSeconds: 0), maxRetries: 2, services => Assert.ThrowsAsync<ModelUnavailableException>(services.SummarizeArticleAsync));

        Assert.True(error.Throttled);
        Assert.Equal(3, server.RequestCount); // 1 attempt + 2 retries, and no SDK retries on top
    }

    [Fact]
    public async Task SummarizeAsync_RetryAfterBeyondCap_FailsFastWithoutWaiting()
    {
        var (server, error) = await RunAsync(
            _ => FakeReply.Throttled(retryAfterSeconds: 86_400), maxRetries: 3, services => Assert.ThrowsAsync<ModelUnavailableException>(services.SummarizeArticleAsync));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
    }

    [Fact]
    public async Task SummarizeAsync_ServerErrorsThenSuccess_RetriesUntilSuccess()
    {
        var (server, content) = await RunAsync(
            n => n <= 2 ? new FakeReply(500) : FakeReply.Ok(FakeModelServer.ValidReply), maxRetries: 3, services => services.SummarizeArticleAsync());

        Assert.Equal(FakeModelServer.EnglishSummary, content.Summary.En);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task SummarizeAsync_ReplySlowerThanAttemptTimeout_RetriesAndSucceeds()
    {
        var (server, content) = await RunAsync(
            n => n == 1 ? new FakeReply(200, FakeModelServer.ValidReply, Delay: TimeSpan.FromSeconds(10)) : FakeReply.Ok(FakeModelServer.ValidReply), maxRetries: 1, services => services.SummarizeArticleAsync());

        Assert.Equal(FakeModelServer.ArabicSummary, content.Summary.Ar);
        Assert.Equal(2, server.RequestCount);
    }

    /// <summary>Runs <paramref name="act"/> on services whose model is a fake server answering by <paramref name="script"/>,
    /// then stops both; the server's counts stay readable.</summary>
    private static async Task<(FakeModelServer Server, T Result)> RunAsync<T>(
        Func<int, FakeReply> script, int maxRetries, Func<ServiceProvider, Task<T>> act)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = script;
        await using var services = CreateServices(server, maxRetries);
        return (server, await act(services));
    }

    private static ServiceProvider CreateServices(FakeModelServer server, int maxRetries) =>
        ModelServices.Create(ModelServices.Settings("AzureOpenAI", server, new Dictionary<string, string?>
        {
            ["Summarizer:ModelMaxRetries"] = ModelServices.Number(maxRetries),
            ["Summarizer:ModelAttemptTimeout"] = "00:00:01",
            ["Summarizer:ModelTotalTimeout"] = "00:00:30",
        }));
}
