using NewsSummarizer.Summarization.Chat;

namespace NewsSummarizer.IntegrationTests.Foundation;

/// <summary>The model providers end to end: real SDKs, our resilience handler, a fake server on loopback.</summary>
public sealed class ModelProviderTests
{
    private static readonly Articles.Article Article = new(
        string.Join('\n', Enumerable.Repeat("The council approved the new transport budget after a long debate on Tuesday.", 5)), null, "en");

    [Fact]
    public async Task AzureOpenAI_ThrottledOnceWithRetryAfter_RetriesOnceThenSucceeds()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = n => n == 1 ? FakeReply.Throttled(retryAfterSeconds: 1) : FakeReply.Ok(FakeModelServer.ValidReply);
        await using var services = CreateServices(AzureSettings(server));

        var content = await services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(FakeModelServer.EnglishSummary, content.Summary.En);
        Assert.Equal(FakeModelServer.ArabicSummary, content.Summary.Ar);
        Assert.Equal(new ModelUsage("AzureOpenAI", "summaries", SummaryPrompt.Version, 1200, 300), content.Model);
    }

    [Fact]
    public async Task AzureOpenAI_AnyCall_SendsStructuredOutputRequestToTheDeployment()
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var services = CreateServices(AzureSettings(server));

        await services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("json_schema", request["response_format"]?["type"]?.GetValue<string>());
        Assert.Equal(SummaryPrompt.SchemaName, request["response_format"]?["json_schema"]?["name"]?.GetValue<string>());
        Assert.Equal(2, request["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task OpenAICompatible_ValidReply_UsesConfiguredModel()
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var services = CreateServices(new Dictionary<string, string?>
        {
            ["Summarizer:Provider"] = "OpenAI",
            ["OpenAI:Endpoint"] = new Uri(server.Endpoint, "v1/").ToString(),
            ["OpenAI:Model"] = "llama3.1",
        });

        var content = await services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

        Assert.Equal("llama3.1", Assert.Single(server.Requests)["model"]?.GetValue<string>());
        Assert.Equal(new ModelUsage("OpenAI", "llama3.1", SummaryPrompt.Version, 1200, 300), content.Model);
    }

    private static Dictionary<string, string?> AzureSettings(FakeModelServer server) => new()
    {
        ["Summarizer:Provider"] = "AzureOpenAI",
        ["AzureOpenAI:Endpoint"] = server.Endpoint.ToString(),
        ["AzureOpenAI:Deployment"] = "summaries",
        ["AzureOpenAI:ApiKey"] = "test-key",
    };

    private static ServiceProvider CreateServices(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddNewsSummarizer(configuration).BuildServiceProvider();
    }
}
