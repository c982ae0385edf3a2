namespace NewsSummarizer.IntegrationTests.Foundation;

/// <summary>The whole blob path through the real DevHost: Azurite, the WebJobs polling trigger, the OpenAI-compatible
/// provider against a fake model server.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevHostEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(30);
    private readonly string containerName = AzuriteFixture.NewContainerName();
    private BilingualDevHost devHost = null!;

    public async Task InitializeAsync() => devHost = await BilingualDevHost.StartAsync(azurite, containerName);

    public async Task DisposeAsync() => await devHost.DisposeAsync();

    [Fact]
    public async Task Upload_SeedArticle_GetsBilingualResultBesideIt()
    {
        var seed = await File.ReadAllBytesAsync(SampleArticles.ArabicSeedPath);
        await devHost.Container.UploadBlobAsync("world/seed.txt", BinaryData.FromBytes(seed));

        var document = await StoredResults.WaitForAsync(devHost.Container, "world/seed.txt", null, ResultTimeout);

        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(ArticleLanguage.Arabic, document.Language);
        Assert.Equal(FakeModelServer.ArabicSummary, document.Summary.Ar);
        Assert.Equal(FakeModelServer.EnglishSummary, document.Summary.En);
        Assert.Equal(containerName, document.Source.Container);
        Assert.Equal("world/seed.txt", document.Source.Name);
        Assert.Equal(seed.Length, document.Source.Bytes);
        Assert.Equal(1200, document.Model.InputTokens);
        Assert.Equal(1, devHost.Model.RequestCount);
    }

    [Fact]
    public async Task Upload_IdenticalContentAgain_MakesNoSecondModelCall()
    {
        var text = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat("The council approved the new transport budget after a long debate.", 4)));
        await devHost.Container.GetBlobClient("same.txt").UploadAsync(BinaryData.FromBytes(text));
        var first = await StoredResults.WaitForAsync(devHost.Container, "same.txt", null, ResultTimeout);

        await devHost.Container.GetBlobClient("same.txt").UploadAsync(BinaryData.FromBytes(text), overwrite: true);
        await UploadSentinelAndWaitAsync();

        var after = await StoredResults.ReadAsync(devHost.Container, "same.txt");
        Assert.Equal(2, devHost.Model.RequestCount); // the first upload and the sentinel, nothing for the re-upload
        Assert.Equal(first.CreatedAt, after?.CreatedAt);
    }

    [Fact]
    public async Task Upload_ResultDocument_NeverTriggersANewSummary()
    {
        var text = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat("Heavy rain closed several roads in the north of the country on Monday.", 4)));
        await devHost.Container.UploadBlobAsync("rain.txt", BinaryData.FromBytes(text));
        await StoredResults.WaitForAsync(devHost.Container, "rain.txt", null, ResultTimeout);
        await devHost.Container.UploadBlobAsync("user.summary.json", BinaryData.FromString("{\"hello\":\"world\"}"));

        await UploadSentinelAndWaitAsync();

        Assert.Equal(2, devHost.Model.RequestCount); // the article and the sentinel
        var names = new List<string>();
        await foreach (var blob in devHost.Container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal(
            ["rain.txt", "rain.txt.summary.json", "sentinel.txt", "sentinel.txt.summary.json", "user.summary.json"],
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Health_StorageUp_AnonymousGetsStatusOnly()
    {
        var client = devHost.Host.Client;

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal(
            ["extractor", "status", "storage"],
            body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("storage").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("extractor").GetString());
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal); // the model endpoint's host
        Assert.DoesNotContain(devHost.Container.Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthDetails_StorageUp_ReportsProviderModelAndStorage()
    {
        using var response = await devHost.Host.Client.GetAsync(new Uri("/api/health/details", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OpenAI", body.RootElement.GetProperty("provider").GetString());
        Assert.StartsWith("reachable", body.RootElement.GetProperty("storage").GetString(), StringComparison.Ordinal);
        Assert.Equal(devHost.Container.Name, body.RootElement.GetProperty("container").GetString());
        Assert.Equal(devHost.Model.Endpoint.Authority, body.RootElement.GetProperty("model").GetProperty("endpoint").GetString());
    }

    // A blob uploaded after the ones under test: once its result exists, the trigger has scanned past them too,
    // so "no model call for them" is observed after the trigger had its chance, not before.
    private async Task UploadSentinelAndWaitAsync()
    {
        var text = string.Join('\n', Enumerable.Repeat("The sentinel article arrived after the blobs under test were uploaded.", 4));
        await devHost.Container.UploadBlobAsync("sentinel.txt", BinaryData.FromString(text));
        await StoredResults.WaitForAsync(devHost.Container, "sentinel.txt", null, ResultTimeout);
    }
}
