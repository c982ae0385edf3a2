using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Articles;
using NewsSummarizer.IntegrationTests.Infrastructure;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.IntegrationTests.Models;

/// <summary>The exact request on the wire, through the real SDKs of both providers, against a fake server that keeps
/// a reasoning model's contract.</summary>
public sealed class RequestShapeTests
{
    private static readonly Article Article = new(
        string.Join('\n', Enumerable.Repeat("The council approved the new transport budget after a long debate on Tuesday.", 5)), null, "en");

    [Theory]
    [InlineData("AzureOpenAI")]
    [InlineData("OpenAI")]
    public async Task SummarizeAsync_DefaultSettings_SendsOnlyWhatReasoningModelsAccept(string provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Family = FakeModelFamily.Reasoning;
        await using var services = ModelServices.Create(ModelServices.Settings(provider, server));

        var content = await services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(FakeModelServer.EnglishSummary, content.Summary.En);
        var wire = Assert.Single(server.RawRequests);
        var body = JsonNode.Parse(wire.Body)!.AsObject();
        Assert.Equal(4000, body["max_completion_tokens"]?.GetValue<int>());
        Assert.False(body.ContainsKey("max_tokens"), wire.Body);
        Assert.False(body.ContainsKey("temperature"), wire.Body);
        Assert.False(body.ContainsKey("top_p"), wire.Body);
        Assert.False(body.ContainsKey("reasoning_effort"), wire.Body);
        Assert.Contains("\"strict\":true", wire.Body, StringComparison.Ordinal);
        Assert.Equal("json_schema", body["response_format"]?["type"]?.GetValue<string>());
        Assert.True(body["response_format"]?["json_schema"]?["strict"]?.GetValue<bool>());
    }

    [Theory]
    [InlineData("AzureOpenAI", "minimal")]
    [InlineData("OpenAI", "low")]
    public async Task SummarizeAsync_ReasoningEffortSet_SendsItVerbatim(string provider, string effort)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Family = FakeModelFamily.Reasoning;
        await using var services = ModelServices.Create(ModelServices.Settings(
            provider, server, new Dictionary<string, string?> { ["Summarizer:ReasoningEffort"] = effort, ["Summarizer:MaxOutputTokens"] = "2000" }));

        await services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(server.RawRequests).Body)!;
        Assert.Equal(effort, body["reasoning_effort"]?.GetValue<string>());
        Assert.Equal(2000, body["max_completion_tokens"]?.GetValue<int>());
    }

    [Theory]
    [InlineData("AzureOpenAI")]
    [InlineData("OpenAI")]
    public async Task SummarizeAsync_TemperatureSet_SendsItAndAReasoningModelRefusesItOnceNamingTheSetting(string provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Family = FakeModelFamily.Reasoning;
        await using var services = ModelServices.Create(ModelServices.Settings(
            provider, server, new Dictionary<string, string?> { ["Summarizer:Temperature"] = "0.2" }));

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0.2, JsonNode.Parse(server.RawRequests[0].Body)!["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(ModelErrorCodes.RejectedRequest, error.Code);
        Assert.Contains("Summarizer__Temperature", error.Message, StringComparison.Ordinal);
        Assert.False(error.RejectsInput);
    }

    [Theory]
    [InlineData("AzureOpenAI")]
    [InlineData("OpenAI")]
    public async Task SummarizeAsync_ClassicModel_AcceptsTheDefaultRequest(string provider)
    {
        await using var server = await FakeModelServer.StartAsync();
        server.Family = FakeModelFamily.Classic;
        await using var services = ModelServices.Create(ModelServices.Settings(provider, server));

        var content = await services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(FakeModelServer.ArabicSummary, content.Summary.Ar);
        Assert.Equal(1, server.RequestCount);
    }
}
