namespace NewsSummarizer.IntegrationTests.Resilience;

/// <summary>The retry budget of one model call, through the real SDK and resilience handler against a fake server.</summary>
public sealed class ModelRetryBudgetTests
{
    private static readonly Article Article = new(
        string.Join('\n', Enumerable.Repeat("The council approved the new transport budget after a long debate on Tuesday.", 5)), null, "en");

    [Fact]
    public async Task SummarizeAsync_PersistentThrottle_MakesExactlyTheConfiguredAttempts()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = _ => FakeReply.Throttled(retryAfterSeconds: 0);
        await using var services = CreateServices(server, maxRetries: 2);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None));

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
            () => services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
    }

    [Fact]
    public async Task SummarizeAsync_ServerErrorsThenSuccess_RetriesUntilSuccess()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = n => n <= 2 ? new FakeReply(500) : FakeReply.Ok(FakeModelServer.ValidReply);
        await using var services = CreateServices(server, maxRetries: 3);

        var content = await services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(FakeModelServer.EnglishSummary, content.Summary.En);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task SummarizeAsync_ReplySlowerThanAttemptTimeout_RetriesAndSucceeds()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = n => n == 1 ? new FakeReply(200, FakeModelServer.ValidReply, Delay: TimeSpan.FromSeconds(10)) : FakeReply.Ok(FakeModelServer.ValidReply);
        await using var services = CreateServices(server, maxRetries: 1);

        var content = await services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(FakeModelServer.ArabicSummary, content.Summary.Ar);
        Assert.Equal(2, server.RequestCount);
    }

    private static ServiceProvider CreateServices(FakeModelServer server, int maxRetries)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Summarizer:Provider"] = "AzureOpenAI",
            ["Summarizer:ModelMaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Summarizer:ModelRetryDelay"] = "00:00:00.050",
            ["Summarizer:ModelAttemptTimeout"] = "00:00:01",
            ["Summarizer:ModelTotalTimeout"] = "00:00:30",
            ["AzureOpenAI:Endpoint"] = server.Endpoint.ToString(),
            ["AzureOpenAI:Deployment"] = "summaries",
            ["AzureOpenAI:ApiKey"] = "test-key",
        }).Build();
        return new ServiceCollection().AddLogging().AddNewsSummarizer(configuration).BuildServiceProvider();
    }
}
