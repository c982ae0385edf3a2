namespace NewsSummarizer.IntegrationTests.Resilience;

[Collection(AzuriteCollection.Name)]
public sealed class FallbackAndBackfillTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Upload_ModelDownWithFallback_WritesExtractiveFallbackThatBackfillReplaces()
    {
        await using var model = await FakeModelServer.StartAsync();
        var healthy = false;
        model.Script = _ => Volatile.Read(ref healthy) ? FakeReply.Ok(FakeModelServer.ValidReply) : new FakeReply(503);
        var container = await azurite.CreateContainerAsync();
        var settings = ResilienceSettings.For(model);
        settings["Summarizer:FallbackToExtractive"] = "true";
        settings["Summarizer:ModelMaxRetries"] = "1";
        settings["Retries:MaxDeferrals"] = "2"; // the fallback comes once the scheduled attempts are spent
        await using var host = await DevHostRunner.StartAsync(azurite, container.Name, settings);

        await container.UploadBlobAsync("down.txt", BinaryData.FromString(ResilienceSettings.Article(1)));
        var fallback = Assert.Single(await StoredResults.WaitForAllAsync(container, 1, TimeSpan.FromSeconds(60)));
        Volatile.Write(ref healthy, true);
        var backfill = host.Services.GetRequiredService<BackfillService>();
        var plan = await backfill.PlanAsync(BackfillSelection.Fallback, CancellationToken.None);
        var counts = await backfill.RunAsync(plan, parallelism: 4, progress: null, CancellationToken.None);
        var replaced = await container.GetBlobClient("down.txt.summary.json").DownloadContentAsync();
        var document = SummaryJson.TryDeserialize(replaced.Value.Content.ToMemory().Span);

        Assert.Equal(SummaryStatus.Ok, fallback.Status);
        Assert.Equal(7, model.RequestCount); // three calls of two attempts (the trigger's and two scheduled ones), then the backfill's
        Assert.Contains("attempt 3:", fallback.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(ModelProvider.ExtractiveFallback, fallback.Model.Provider);
        Assert.Equal([ArticleLanguage.Arabic], fallback.Unavailable);
        Assert.Equal([("down.txt", BackfillSelection.Fallback)], plan.Select(c => (c.Name, c.Reason)));
        Assert.Equal(1, counts[SummaryStatus.Ok]);
        Assert.Equal(ModelProvider.OpenAI, document?.Model.Provider);
        Assert.Equal(FakeModelServer.ArabicSummary, document?.Summary.Ar);
        Assert.Empty(await backfill.PlanAsync(BackfillSelection.All, CancellationToken.None));
    }

    [Fact]
    public async Task Plan_MissingAndFailedResults_SelectsThemByReason()
    {
        await using var model = await FakeModelServer.StartAsync();
        var container = await azurite.CreateContainerAsync();
        await using var host = await DevHostRunner.StartAsync(azurite, container.Name, ResilienceSettings.For(model));
        var processor = host.Services.GetRequiredService<ArticleProcessor>();
        // Written straight to storage, with the trigger racing us: the plan is computed from whatever is there,
        // so give the article a failed result by hand and leave the other without one.
        var uploaded = await container.UploadBlobAsync("failed.txt", BinaryData.FromString(ResilienceSettings.Article(2)));
        // As the trigger's poison queue would say it after its last retry of this version.
        await processor.HandlePoisonMessageAsync(
            $$"""{"FunctionId":"Host.Functions.SummarizeArticle","BlobType":"BlockBlob","ContainerName":"{{container.Name}}","BlobName":"failed.txt","ETag":{{System.Text.Json.JsonSerializer.Serialize(uploaded.Value.ETag.ToString())}}}""",
            CancellationToken.None);

        var failed = await host.Services.GetRequiredService<BackfillService>().PlanAsync(BackfillSelection.Failed, CancellationToken.None);

        Assert.Contains(("failed.txt", BackfillSelection.Failed), failed.Select(c => (c.Name, c.Reason)));
    }
}
