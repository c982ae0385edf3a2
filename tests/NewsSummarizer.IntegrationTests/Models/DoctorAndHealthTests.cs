using NewsSummarizer.Diagnostics;

namespace NewsSummarizer.IntegrationTests.Models;

/// <summary><c>newsum doctor</c>'s checks against Azurite and each failure the fake server can play, and the model
/// as <c>GET /api/health</c> reports it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DoctorAndHealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunAsync_WorkingModel_AllOkAfterOneCall()
    {
        await using var server = await FakeModelServer.StartAsync(FakeModelFamily.Reasoning);
        var container = AzuriteFixture.NewContainerName("doctor");
        await azurite.BlobService.CreateBlobContainerAsync(container);

        var findings = await RunDoctorAsync(server, "AzureOpenAI", container);

        Assert.All(findings, f => Assert.Equal(DoctorStatus.Ok, f.Status));
        Assert.Equal(["storage", "container", "model"], findings.Select(f => f.Check));
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData(FakeModelFamily.Retired, null, null, "model-not-found", "AzureOpenAI__Deployment")]
    [InlineData(FakeModelFamily.Reasoning, "Summarizer:Temperature", "0.2", "model-rejected-request", "Summarizer__Temperature")]
    [InlineData(FakeModelFamily.Classic, "Summarizer:ReasoningEffort", "low", "model-rejected-request", "Summarizer__ReasoningEffort")]
    [InlineData(FakeModelFamily.Reasoning, "AzureOpenAI:ApiKey", "wrong-key", "model-auth-failed", "AzureOpenAI__ApiKey")]
    public async Task RunAsync_ModelRefuses_NamesCodeAndSettingAfterOneCall(
        FakeModelFamily family, string? setting, string? value, string code, string settingToChange)
    {
        await using var server = await FakeModelServer.StartAsync(family);
        server.RequiredApiKey = "test-key";
        var extra = setting is null ? null : new Dictionary<string, string?> { [setting] = value };

        var findings = await RunDoctorAsync(server, "AzureOpenAI", AzuriteFixture.NewContainerName("doctor"), extra);

        var model = Assert.Single(findings, f => f.Check == "model");
        Assert.Equal(DoctorStatus.Error, model.Status);
        Assert.Contains(code, model.Detail, StringComparison.Ordinal);
        Assert.Contains(settingToChange, model.Detail + " " + model.Setting, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Warning, Assert.Single(findings, f => f.Check == "container").Status);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task RunAsync_SeedBlockedByContentFilter_SaysSoNamingTheCategory()
    {
        await using var server = await FakeModelServer.StartAsync(FakeModelFamily.Reasoning);

        var findings = await RunDoctorAsync(
            server, "AzureOpenAI", AzuriteFixture.NewContainerName("doctor"), seed: ServiceDoctor.DefaultSeed + "\n" + FakeModelContract.PromptFilterMarker);

        var model = Assert.Single(findings, f => f.Check == "model");
        Assert.Equal(DoctorStatus.Error, model.Status);
        Assert.Contains("content-filtered", model.Detail, StringComparison.Ordinal);
        Assert.Contains("violence (severity high)", model.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StorageUnreachable_NamesAzureWebJobsStorage()
    {
        await using var server = await FakeModelServer.StartAsync();
        var settings = ModelServices.Settings("OpenAI", server);
        settings["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;";
        await using var services = ModelServices.Create(settings);

        var findings = await services.GetRequiredService<ServiceDoctor>().RunAsync(null, CancellationToken.None);

        var storage = Assert.Single(findings, f => f.Check == "storage");
        Assert.Equal(DoctorStatus.Error, storage.Status);
        Assert.Equal("AzureWebJobsStorage", storage.Setting);
    }

    [Fact]
    public async Task Health_ModelConfigured_ReportsItWithoutTheKey()
    {
        await using var server = await FakeModelServer.StartAsync();
        var settings = ModelServices.Settings("AzureOpenAI", server, new Dictionary<string, string?> { ["Summarizer:ReasoningEffort"] = "low" });
        await using var host = await DevHostRunner.StartAsync(azurite, AzuriteFixture.NewContainerName("health"), settings);
        var http = host.Client;

        var text = await http.GetStringAsync("/api/health/details");

        var model = JsonDocument.Parse(text).RootElement.GetProperty("model");
        Assert.Equal("AzureOpenAI", model.GetProperty("provider").GetString());
        Assert.Equal(ModelServices.Deployment, model.GetProperty("model").GetString());
        Assert.Equal(ModelClientHost(server), model.GetProperty("endpoint").GetString());
        Assert.Equal("low", model.GetProperty("reasoningEffort").GetString());
        Assert.Equal(4000, model.GetProperty("maxOutputTokens").GetInt32());
        Assert.Equal("API key", model.GetProperty("authentication").GetString());
        Assert.DoesNotContain("test-key", text, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    private static string ModelClientHost(FakeModelServer server) => $"{server.Endpoint.Host}:{server.Endpoint.Port}";

    private async Task<IReadOnlyList<DoctorFinding>> RunDoctorAsync(
        FakeModelServer server, string provider, string container, IDictionary<string, string?>? extra = null, string? seed = null)
    {
        var settings = ModelServices.Settings(provider, server, extra);
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["ArticlesContainer"] = container;
        settings["Summarizer:ModelMaxRetries"] = "0";
        await using var services = ModelServices.Create(settings);
        return await services.GetRequiredService<ServiceDoctor>().RunAsync(seed, CancellationToken.None);
    }
}
