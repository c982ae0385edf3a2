using NewsSummarizer.IntegrationTests.Models;
using NewsSummarizer.Summarization.Chat;

namespace NewsSummarizer.IntegrationTests.Foundation;

/// <summary>The model providers end to end: real SDKs, our resilience handler, a fake server on loopback.</summary>
public sealed class ModelProviderTests
{
    [Fact]
    public async Task AzureOpenAI_ThrottledOnceWithRetryAfter_RetriesOnceThenSucceeds()
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Script = n => n == 1 ? FakeReply.Throttled(retryAfterSeconds: 1) : FakeReply.Ok(FakeModelServer.ValidReply);
        await using var services = ModelServices.Create(AzureSettings(server));

        var content = await services.SummarizeArticleAsync();

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(FakeModelServer.EnglishSummary, content.Summary.En);
        Assert.Equal(FakeModelServer.ArabicSummary, content.Summary.Ar);
        Assert.Equal(new ModelUsage(ModelProvider.AzureOpenAI, "summaries", SummaryPrompt.Version, 1200, 300), content.Model);
    }

    [Fact]
    public async Task AzureOpenAI_AnyCall_SendsStructuredOutputRequestToTheDeployment()
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var services = ModelServices.Create(AzureSettings(server));

        await services.SummarizeArticleAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal("json_schema", request["response_format"]?["type"]?.GetValue<string>());
        Assert.Equal(SummaryPrompt.SchemaName, request["response_format"]?["json_schema"]?["name"]?.GetValue<string>());
        Assert.Equal(2, request["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task OpenAICompatible_ValidReply_UsesConfiguredModel()
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var services = ModelServices.Create(server.OpenAISettings(model: "llama3.1"));

        var content = await services.SummarizeArticleAsync();

        Assert.Equal("llama3.1", Assert.Single(server.Requests)["model"]?.GetValue<string>());
        Assert.Equal(new ModelUsage(ModelProvider.OpenAI, "llama3.1", SummaryPrompt.Version, 1200, 300), content.Model);
    }

    private static Dictionary<string, string?> AzureSettings(FakeModelServer server) => new()
    {
        ["Summarizer:Provider"] = "AzureOpenAI",
        ["AzureOpenAI:Endpoint"] = server.Endpoint.ToString(),
        ["AzureOpenAI:Deployment"] = "summaries",
        ["AzureOpenAI:ApiKey"] = "test-key",
    };
}
