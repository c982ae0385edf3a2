namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>The summaries API when the model is throttled, down or slow, and when storage is down: 429/503 with
/// Retry-After, and 202 while a result is still being written.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummariesApiDependencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string English =
        "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent. " +
        "The mayor said the money will pay for more buses and longer opening hours at the central station.";

    private readonly string containerName = AzuriteFixture.NewContainerName();
    private FakeModelServer model = null!;

    public async Task InitializeAsync() => model = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await model.DisposeAsync();

    [Fact]
    public async Task Post_ModelThrottlesLongerThanWeWait_Returns429WithItsRetryAfter()
    {
        model.Script = _ => FakeReply.Throttled(30);
        await using var host = await StartHostAsync(model.Endpoint);
        var client = host.Client;

        using var response = await client.PostAsync(Summaries(), new StringContent(English, Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "model-throttled");
        Assert.Equal(30, ProblemAssert.RetryAfterSeconds(response));
    }

    [Fact]
    public async Task Post_ModelAnswers503_Returns503WithRetryAfter()
    {
        model.Script = _ => new FakeReply(503);
        await using var host = await StartHostAsync(model.Endpoint);
        var client = host.Client;

        using var response = await client.PostAsync(Summaries(), new StringContent(English, Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "model-unavailable");
        ProblemAssert.RetryAfterSeconds(response);
    }

    [Fact]
    public async Task Post_ModelUnreachable_Returns503()
    {
        await using var host = await StartHostAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        var client = host.Client;

        using var response = await client.PostAsync(Summaries(), new StringContent(English, Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "model-unavailable");
    }

    [Fact]
    public async Task Post_ExtractiveWhileModelIsDown_Returns200()
    {
        model.Script = _ => new FakeReply(503);
        await using var host = await StartHostAsync(model.Endpoint);
        var client = host.Client;

        using var response = await client.PostAsync(Summaries("?provider=Extractive"), new StringContent(English, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, model.RequestCount);
    }

    [Fact]
    public async Task Get_ArticleStillBeingSummarised_Returns202WithRetryAfter()
    {
        // The model holds its answer, so the trigger cannot have written the result when we ask.
        model.Script = _ => new FakeReply(200, FakeModelServer.ValidReply, Delay: TimeSpan.FromMinutes(2));
        await using var host = await StartHostAsync(model.Endpoint);
        var client = host.Client;
        var container = azurite.BlobService.GetBlobContainerClient(containerName);
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("slow/story.txt", BinaryData.FromString(English));

        using var response = await client.GetAsync(Summaries("/slow/story.txt"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, ProblemAssert.RetryAfterSeconds(response));
    }

    [Fact]
    public async Task Get_StorageDown_Returns503WithRetryAfter()
    {
        // The article store talks to a port nobody listens on. (Stopping Azurite under a running DevHost would not
        // do: the WebJobs queue listener then crashes the whole process.)
        var deadStorage = new BlobServiceClient(
            new Uri($"http://127.0.0.1:{FreePort.Next()}/devstoreaccount1"),
            new BlobClientOptions { Retry = { MaxRetries = 0 } });
        await using var host = await DevHostRunner.StartAsync(azurite, containerName, services: services =>
            services.AddSingleton<IArticleStore>(sp => new BlobArticleStore(deadStorage, sp.GetRequiredService<IOptions<StorageOptions>>())));
        var client = host.Client;

        using var response = await client.GetAsync(Summaries("/any/article.txt"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        ProblemAssert.RetryAfterSeconds(response);
    }

    private static Uri Summaries(string suffix = "") => new("/api/summaries" + suffix, UriKind.Relative);

    private Task<DevHostRunner> StartHostAsync(Uri modelEndpoint)
    {
        var settings = FakeModelServer.OpenAISettingsAt(modelEndpoint);
        // The standard resilience handler needs at least one retry; a Retry-After over this cap skips it.
        settings["Summarizer:ModelMaxRetries"] = "1";
        settings["Summarizer:MaxRetryAfter"] = "00:00:01";
        return DevHostRunner.StartAsync(azurite, containerName, settings);
    }
}
