namespace NewsSummarizer.IntegrationTests.Resilience;

/// <summary>A burst of uploads against a misbehaving model: nothing lost, nothing written twice, no retry amplification.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SoakTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Articles = 200;

    [Fact]
    public async Task Burst_ModelFailsHalfTheCalls_EveryArticleGetsOneOkResultWithoutRetryAmplification()
    {
        await using var model = await FakeModelServer.StartAsync();
        // Per ten calls: three 429s (Retry-After: 1), one 500, one reply slower than the attempt timeout, five good.
        model.Script = n => (n % 10) switch
        {
            1 or 2 or 3 => FakeReply.Throttled(retryAfterSeconds: 1),
            4 => new FakeReply(500),
            5 => new FakeReply(200, FakeModelServer.ValidReply, Delay: TimeSpan.FromSeconds(3)),
            _ => FakeReply.Ok(FakeModelServer.ValidReply),
        };
        var container = await azurite.CreateContainerAsync();
        // The burst lands before the DevHost starts, so its first full scan finds every blob. (Uploads that land
        // while the polling trigger is mid-scan can wait for a later sweep: a property of the local polling
        // trigger, not of the pipeline under test; in Azure the Event Grid source delivers each blob.)
        await Parallel.ForEachAsync(Enumerable.Range(0, Articles), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            await container.UploadBlobAsync($"burst/{i:D3}.txt", BinaryData.FromString(ResilienceSettings.Article(i)), token));
        await using var host = await DevHostRunner.StartAsync(azurite, container.Name, ResilienceSettings.For(model), CountingArticleStore.Register);
        var results = await StoredResults.WaitForAllAsync(container, Articles, TimeSpan.FromMinutes(6));

        Assert.Equal(Articles, results.Count);
        Assert.All(results, document => Assert.Equal(SummaryStatus.Ok, document.Status));
        var writes = ((CountingArticleStore)host.Services.GetRequiredService<IArticleStore>()).Writes;
        Assert.Equal(Articles, writes.Count);
        Assert.All(writes.Values, count => Assert.Equal(1, count));
        // Half of all calls fail, so the minimum is 2 calls per article; allow 10% above it.
        var callsPerArticle = (double)model.RequestCount / Articles;
        output.WriteLine($"soak: {Articles} articles, {model.RequestCount} model calls ({callsPerArticle:F2} per article), {writes.Values.Sum()} result writes");
        Assert.True(callsPerArticle <= 2.2, $"{model.RequestCount} model calls for {Articles} articles ({callsPerArticle:F2} per article).");
    }
}
