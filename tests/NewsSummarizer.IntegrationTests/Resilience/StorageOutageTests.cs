namespace NewsSummarizer.IntegrationTests.Resilience;

/// <summary>Storage goes away in the middle of a run and comes back on the same ports: no article is lost.</summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Articles = 30;
    private readonly string location = Directory.CreateTempSubdirectory("newsum-azurite-").FullName;
    private AzuriteProcess azurite = null!;

    public async Task InitializeAsync()
    {
        azurite = new AzuriteProcess(location);
        await azurite.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await azurite.DisposeAsync();
        Directory.Delete(location, recursive: true);
    }

    [Fact]
    public async Task Run_AzuriteStoppedAndRestarted_EveryArticleStillGetsAResult()
    {
        await using var model = await FakeModelServer.StartAsync();
        model.Script = _ => new FakeReply(200, FakeModelServer.ValidReply, Delay: TimeSpan.FromMilliseconds(300));
        const string containerName = "articles";
        await using var host = await DevHostRunner.StartAsync(azurite.ConnectionString, containerName, ResilienceSettings.For(model, maxConcurrentCalls: 4));
        var container = azurite.BlobService.GetBlobContainerClient(containerName);
        await container.CreateIfNotExistsAsync();
        for (var i = 0; i < Articles; i++)
        {
            await container.UploadBlobAsync($"outage/{i:D2}.txt", BinaryData.FromString(ResilienceSettings.Article(i)));
        }

        await StoredResults.WaitForAllAsync(container, 3, TimeSpan.FromMinutes(1));
        await azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("NEWSUM_OUTAGE_SECONDS"), out var seconds) ? seconds : 5));
        await azurite.StartAsync();
        var results = await StoredResults.WaitForAllAsync(container, Articles, TimeSpan.FromMinutes(3));

        Assert.Equal(Articles, results.Count);
        Assert.All(results, document => Assert.Equal(SummaryStatus.Ok, document.Status));
        // Paid work is kept (on disk, so it outlives the DevHost rebuilding its application after the outage): the
        // writes that failed are made from it, not from a second model call (issue 25: 1.83-2.07 calls per article).
        output.WriteLine($"{model.RequestCount} model calls for {Articles} articles");
        Assert.True(model.RequestCount <= Articles * 1.1, $"{model.RequestCount} model calls for {Articles} articles");
    }
}
