using NewsSummarizer.Testing.FunctionsHost.Rpc;

namespace NewsSummarizer.IntegrationTests.Functions;

/// <summary>The artifact <c>azd deploy</c> ships, run as Azure runs it: the built <c>NewsSummarizer.Functions.dll</c>
/// started as a dotnet-isolated worker by a host stand-in and invoked over the worker protocol as the host invokes it
/// (a blob trigger sourced from Event Grid into a <c>BlobClient</c>, queue triggers into strings).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsWorkerTriggerTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Start_BuiltApp_DeclaresAndLoadsEveryFunction()
    {
        await using var worker = await FunctionsWorker.StartAsync(azurite, output);

        Assert.Equal(
            ["CreateSummary", "GetSummary", "Health", "ListArticles", "Page", "PageScript", "PageStyle",
             "RecordPoisonArticle", "RecordPoisonRetry", "RetryArticle", "SummarizeArticle"],
            worker.Host.Functions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SummarizeArticle_EventGridBlobTrigger_WritesBilingualResultBesideIt()
    {
        await using var worker = await FunctionsWorker.StartAsync(azurite, output);
        var blob = worker.Container.GetBlobClient("world/seed.txt");
        await blob.UploadAsync(BinaryData.FromBytes(SampleArticles.ArabicSeedUtf8));

        var response = await worker.Host.InvokeBlobTriggerAsync("SummarizeArticle", blob);

        AssertSucceeded(response);
        var document = await StoredResults.ReadAsync(worker.Container, "world/seed.txt");
        Assert.NotNull(document);
        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(FakeModelServer.ArabicSummary, document.Summary.Ar);
        Assert.Equal(FakeModelServer.EnglishSummary, document.Summary.En);
        Assert.Equal(worker.Container.Name, document.Source.Container);
        Assert.Equal(1, worker.Model.RequestCount);
    }

    private static void AssertSucceeded(InvocationResponse response) =>
        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, FunctionsHostStandIn_Describe(response));

    private static string FunctionsHostStandIn_Describe(InvocationResponse response) =>
        $"{response.Result.Status}: {response.Result.Exception?.Message}\n{response.Result.Exception?.StackTrace}";
}
