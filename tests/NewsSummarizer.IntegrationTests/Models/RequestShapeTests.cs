namespace NewsSummarizer.IntegrationTests.Models;

/// <summary>The exact request on the wire, through the real SDKs of both providers, against a fake server that keeps
/// a reasoning model's contract.</summary>
public sealed class RequestShapeTests
{
    public static TheoryData<string> Providers { get; } = new() { "AzureOpenAI", "OpenAI" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SummarizeAsync_DefaultSettings_SendsOnlyWhatReasoningModelsAccept(string provider)
    {
        var (server, content) = await SummarizeAsync(provider, FakeModelFamily.Reasoning);

        Assert.Equal(FakeModelServer.EnglishSummary, content.Summary.En);
        var wire = Assert.Single(server.RawRequests);
        var withoutMessages = JsonNode.Parse(wire.Body)!.AsObject();
        withoutMessages.Remove("messages");
        Assert.Equal(ExpectedBody(provider), withoutMessages.ToJsonString()); // every field and value, in wire order
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

    /// <summary>The request without its messages, byte for byte as each SDK writes it (property order included).</summary>
    private static string ExpectedBody(string provider)
    {
        const string Format =
            """
            "response_format":{"type":"json_schema","json_schema":{"description":"Title, summary and key points of a news article in Arabic (ar) and English (en).","name":"bilingual_summary","schema":{"type":"object","additionalProperties":false,"required":["title","summary","keyPoints"],"properties":{"title":{"$ref":"#/$defs/text"},"summary":{"$ref":"#/$defs/text"},"keyPoints":{"type":"object","additionalProperties":false,"required":["ar","en"],"properties":{"ar":{"type":"array","items":{"type":"string"}},"en":{"type":"array","items":{"type":"string"}}}}},"$defs":{"text":{"type":"object","additionalProperties":false,"required":["ar","en"],"properties":{"ar":{"type":"string"},"en":{"type":"string"}}}}},"strict":true}}
            """;
        return provider == "AzureOpenAI"
            ? "{\"model\":\"gpt-5-mini\"," + Format + ",\"max_completion_tokens\":4000}"
            : "{\"model\":\"gpt-5-mini\",\"max_completion_tokens\":4000," + Format + "}";
    }

    [Theory]
    [InlineData("AzureOpenAI", "minimal")]
    [InlineData("OpenAI", "low")]
    public async Task SummarizeAsync_ReasoningEffortSet_SendsItVerbatim(string provider, string effort)
    {
        var (server, _) = await SummarizeAsync(
            provider, FakeModelFamily.Reasoning, new() { ["Summarizer:ReasoningEffort"] = effort, ["Summarizer:MaxOutputTokens"] = "2000" });

        var body = JsonNode.Parse(Assert.Single(server.RawRequests).Body)!;
        Assert.Equal(effort, body["reasoning_effort"]?.GetValue<string>());
        Assert.Equal(2000, body["max_completion_tokens"]?.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SummarizeAsync_TemperatureSet_SendsItAndAReasoningModelRefusesItOnceNamingTheSetting(string provider)
    {
        await using var server = await FakeModelServer.StartAsync(FakeModelFamily.Reasoning);
        await using var services = ModelServices.Create(ModelServices.Settings(
            provider, server, new Dictionary<string, string?> { ["Summarizer:Temperature"] = "0.2" }));

        var error = await Assert.ThrowsAsync<SummarizationException>(services.SummarizeArticleAsync);

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0.2, JsonNode.Parse(server.RawRequests[0].Body)!["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(ModelErrorCodes.RejectedRequest, error.Code);
        Assert.Contains("Summarizer__Temperature", error.Message, StringComparison.Ordinal);
        Assert.Equal(Disposition.Failed, error.Failure.Disposition);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SummarizeAsync_ClassicModel_AcceptsTheDefaultRequest(string provider)
    {
        var (server, content) = await SummarizeAsync(provider, FakeModelFamily.Classic);

        Assert.Equal(FakeModelServer.ArabicSummary, content.Summary.Ar);
        Assert.Equal(1, server.RequestCount);
    }

    /// <summary>Summarises the model tests' article through <paramref name="provider"/>'s real SDK against a fake server
    /// playing <paramref name="family"/>, then stops both; the server's request log stays readable.</summary>
    private static async Task<(FakeModelServer Server, SummaryContent Content)> SummarizeAsync(
        string provider, FakeModelFamily family, Dictionary<string, string?>? extra = null)
    {
        await using var server = await FakeModelServer.StartAsync(family);
        await using var services = ModelServices.Create(ModelServices.Settings(provider, server, extra));
        return (server, await services.SummarizeArticleAsync());
    }
}
