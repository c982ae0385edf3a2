namespace NewsSummarizer.IntegrationTests.Processing;

/// <summary>Planted results and identical re-uploads through the real DevHost (polling trigger, fake model server).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevHostResultTrustTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(30);
    private BilingualDevHost devHost = null!;

    public async Task InitializeAsync() => devHost = await BilingualDevHost.StartAsync(azurite, AzuriteFixture.NewContainerName());

    public async Task DisposeAsync() => await devHost.DisposeAsync();

    [Fact]
    public async Task Upload_ArticleBesideAPlantedNullFieldResult_TheTriggerReplacesIt()
    {
        const string planted = """
            {"schemaVersion":1,"status":"ok","language":"en","title":{"ar":null,"en":"Planted"},"summary":{"ar":null,"en":"Planted"},
             "keyPoints":{"ar":[],"en":[]},"source":null,"model":null,"durationMs":0,"createdAt":"2026-11-29T10:00:00Z","unavailable":[]}
            """;
        await devHost.Container.UploadBlobAsync("planted.txt.summary.json", BinaryData.FromString(planted));
        await devHost.Container.UploadBlobAsync("planted.txt", BinaryData.FromString(Text("planted")));

        var document = await StoredResults.WaitForAsync(devHost.Container, "planted.txt", d => d.Source.Name == "planted.txt", ResultTimeout);

        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(FakeModelServer.ArabicSummary, document.Summary.Ar);
    }

    [Fact]
    public async Task Upload_IdenticalTextAgain_ResultNamesTheNewVersionAndNothingIsStale()
    {
        var blob = devHost.Container.GetBlobClient("again.txt");
        await blob.UploadAsync(BinaryData.FromString(Text("again")));
        var first = await StoredResults.WaitForAsync(devHost.Container, "again.txt", null, ResultTimeout);

        var second = (await blob.UploadAsync(BinaryData.FromString(Text("again")), overwrite: true)).Value.ETag.ToString();
        var refreshed = await StoredResults.WaitForAsync(devHost.Container, "again.txt", d => d.Source.ETag == $"\"{second.Trim('"')}\"", ResultTimeout);
        var stale = await devHost.Host.Services.GetRequiredService<BackfillService>().PlanAsync(BackfillSelection.Stale, CancellationToken.None);

        Assert.Equal(first.CreatedAt, refreshed.CreatedAt);
        Assert.Equal(1, devHost.Model.RequestCount);
        Assert.Empty(stale);
    }

    private static string Text(string topic) => string.Join('\n', Enumerable.Repeat(
        $"The council debated the {topic} budget for transport, schools and hospitals on Monday evening.", 4));

}
