using Azure.Storage.Queues;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Testing.FunctionsHost;
using NewsSummarizer.Testing.FunctionsHost.Rpc;

namespace NewsSummarizer.IntegrationTests.Functions;

/// <summary>The artifact <c>azd deploy</c> ships, run as Azure runs it: the built <c>NewsSummarizer.Functions.dll</c>
/// started as a dotnet-isolated worker by a host stand-in and invoked over the worker protocol as the host invokes it
/// (a blob trigger sourced from Event Grid into a <c>BlobClient</c>, queue triggers into strings).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsWorkerTriggerTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Start_BuiltApp_DeclaresAndLoadsEveryFunction_AndTheWorkerEndsWithTheHost()
    {
        var worker = await FunctionsWorker.StartAsync(azurite, output);
        var pid = worker.Host.WorkerProcessId;

        Assert.Equal(
            ["CreateSummary", "GetSummary", "Health", "HealthDetails", "ListArticles", "Page", "PageScript", "PageStyle",
             "RecordPoisonArticle", "RecordPoisonRetry", "RetryArticle", "SummarizeArticle"],
            worker.Host.Functions.Keys.Order(StringComparer.Ordinal));

        await worker.DisposeAsync();
        Assert.True(ProcessState.HasEnded(pid), $"worker process {pid} outlived its host");
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

    [Fact]
    public async Task SummarizeArticle_EmptyArticle_WritesRejectedResultAndSucceeds()
    {
        await using var worker = await FunctionsWorker.StartAsync(azurite, output);
        var blob = worker.Container.GetBlobClient("empty.txt");
        await blob.UploadAsync(BinaryData.FromString(" \n\n "));

        var response = await worker.Host.InvokeBlobTriggerAsync("SummarizeArticle", blob);

        AssertSucceeded(response);
        var document = await StoredResults.ReadAsync(worker.Container, "empty.txt");
        Assert.NotNull(document);
        Assert.Equal(SummaryStatus.Rejected, document.Status);
        Assert.Equal(0, worker.Model.RequestCount);
    }

    [Fact]
    public async Task SummarizeArticle_ModelStaysUnavailable_LeavesWaitingAndAScheduledRetry_WhichRetryArticleCompletes()
    {
        await using var worker = await FunctionsWorker.StartAsync(azurite, output, ShortRetries());

        var message = await SummarizeWhileTheModelIsDownAsync(worker, "outage.txt");

        var waiting = await StoredResults.ReadAsync(worker.Container, "outage.txt");
        Assert.Equal(SummaryStatus.Waiting, waiting?.Status);

        // The model is back; the queue trigger brings the scheduled attempt, as the host passes it: the decoded text.
        worker.Model.Script = _ => FakeReply.Ok(FakeModelServer.ValidReply);
        AssertSucceeded(await worker.Host.InvokeQueueTriggerAsync("RetryArticle", message));

        var done = await StoredResults.ReadAsync(worker.Container, "outage.txt");
        Assert.Equal(SummaryStatus.Ok, done?.Status);
        Assert.Equal(FakeModelServer.EnglishSummary, done?.Summary.En);
    }

    [Fact]
    public async Task RecordPoisonRetry_ScheduledAttemptKeptThrowing_WritesFailedResult()
    {
        await using var worker = await FunctionsWorker.StartAsync(azurite, output, ShortRetries());
        var message = await SummarizeWhileTheModelIsDownAsync(worker, "poisoned-retry.txt");

        AssertSucceeded(await worker.Host.InvokeQueueTriggerAsync("RecordPoisonRetry", message, dequeueCount: 1));

        var document = await StoredResults.ReadAsync(worker.Container, "poisoned-retry.txt");
        Assert.Equal(SummaryStatus.Failed, document?.Status);
    }

    [Fact]
    public async Task RecordPoisonArticle_BlobTriggerGaveUp_WritesFailedResult()
    {
        await using var worker = await FunctionsWorker.StartAsync(azurite, output);
        var blob = worker.Container.GetBlobClient("gave-up.txt");
        var etag = (await blob.UploadAsync(BinaryData.FromString(SampleArticles.ShortEnglish))).Value.ETag;
        // The message the WebJobs blob trigger puts on webjobs-blobtrigger-poison after maxDequeueCount failures.
        var poison = JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = "Host.Functions.SummarizeArticle",
            BlobType = "BlockBlob",
            ContainerName = worker.Container.Name,
            BlobName = "gave-up.txt",
            ETag = etag.ToString(),
        });

        AssertSucceeded(await worker.Host.InvokeQueueTriggerAsync("RecordPoisonArticle", poison));

        var document = await StoredResults.ReadAsync(worker.Container, "gave-up.txt");
        Assert.Equal(SummaryStatus.Failed, document?.Status);
        Assert.Equal(0, worker.Model.RequestCount);
    }

    [Fact]
    public async Task InvocationCancel_DuringSlowModelCall_EndsTheInvocationAndWritesNoResult()
    {
        await using var worker = await FunctionsWorker.StartAsync(azurite, output);
        worker.Model.Script = _ => new FakeReply(200, FakeModelServer.ValidReply, Delay: TimeSpan.FromSeconds(30));
        var blob = worker.Container.GetBlobClient("cancelled.txt");
        await blob.UploadAsync(BinaryData.FromString(SampleArticles.ShortEnglish));
        var invocationId = Guid.NewGuid().ToString();

        var invocation = worker.Host.InvokeBlobTriggerAsync("SummarizeArticle", blob, invocationId);
        await WaitForModelCallAsync(worker);
        await worker.Host.CancelAsync(invocationId);
        var response = await invocation.WaitAsync(TimeSpan.FromSeconds(20));

        output.WriteLine($"after InvocationCancel: {response.Result.Status} {response.Result.Exception?.Message}");
        Assert.NotEqual(StatusResult.Types.Status.Success, response.Result.Status);
        Assert.Null(await StoredResults.ReadAsync(worker.Container, "cancelled.txt"));
        Assert.False(worker.Host.WorkerHasExited);
    }

    [Fact]
    public async Task WorkerTerminate_DuringSlowModelCall_WorkerExitsWithoutAResult_AndTheNextWorkerSummarises()
    {
        var blobName = "terminated.txt";
        var container = await azurite.CreateContainerAsync("functions");
        await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(SampleArticles.ShortEnglish));
        await using (var worker = await FunctionsWorker.StartAsync(azurite, output, containerName: container.Name))
        {
            worker.Model.Script = _ => new FakeReply(200, FakeModelServer.ValidReply, Delay: TimeSpan.FromSeconds(60));
            var invocation = worker.Host.InvokeBlobTriggerAsync("SummarizeArticle", container.GetBlobClient(blobName));
            await WaitForModelCallAsync(worker);

            var exitedInGrace = await worker.Host.TerminateAsync(TimeSpan.FromSeconds(1));

            output.WriteLine($"worker exited within the grace period: {exitedInGrace}");
            Assert.True(worker.Host.WorkerHasExited);
            await Assert.ThrowsAnyAsync<Exception>(() => invocation.WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.Null(await StoredResults.ReadAsync(container, blobName));
        }

        // The host retries the trigger on the next worker: nothing was half-written, so it summarises normally.
        await using var next = await FunctionsWorker.StartAsync(azurite, output, containerName: container.Name);
        AssertSucceeded(await next.Host.InvokeBlobTriggerAsync("SummarizeArticle", container.GetBlobClient(blobName)));
        Assert.Equal(SummaryStatus.Ok, (await StoredResults.ReadAsync(container, blobName))?.Status);
    }

    // A model call fails fast (1 s per attempt, one in-call retry) and the scheduled attempt is due in a second or two.
    private static Dictionary<string, string?> ShortRetries() => new()
    {
        ["Summarizer:ModelAttemptTimeout"] = "00:00:01",
        ["Summarizer:ModelTotalTimeout"] = "00:00:10",
        ["Summarizer:ModelRetryDelay"] = "00:00:00.200",
        ["Summarizer:ModelMaxRetries"] = "1",
        ["Retries:BaseDelay"] = "00:00:01",
        ["Retries:MaxDelay"] = "00:00:02",
    };

    private static async Task WaitForModelCallAsync(FunctionsWorker worker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (worker.Model.RequestCount == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The worker never called the model.");
            await Task.Delay(50);
        }
    }

    /// <summary>Uploads an article and invokes <c>SummarizeArticle</c> while the model answers 503; returns the
    /// scheduled attempt's message (taken off the queue) as the host would pass it to a queue trigger.</summary>
    private async Task<string> SummarizeWhileTheModelIsDownAsync(FunctionsWorker worker, string name)
    {
        worker.Model.Script = _ => new FakeReply(503);
        var blob = worker.Container.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(SampleArticles.ShortEnglish));
        AssertSucceeded(await worker.Host.InvokeBlobTriggerAsync("SummarizeArticle", blob));
        return await TakeRetryMessageAsync(worker.Container.Name, name);
    }

    /// <summary>Takes this article's message off the shared retry queue (other tests' leftovers are left alone) and
    /// returns its text as the host would pass it to the queue trigger.</summary>
    private async Task<string> TakeRetryMessageAsync(string container, string name)
    {
        var queue = new QueueClient(azurite.ConnectionString, ArticleRetryQueue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value)
            {
                var parsed = RetryMessage.TryParse(message.Body.ToString());
                if (parsed?.Container == container && parsed.Name == name)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    return message.Body.ToString();
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No retry message for {container}/{name} on {ArticleRetryQueue.Name}.");
    }

    private static void AssertSucceeded(InvocationResponse response) =>
        Assert.True(response.Result.Status == StatusResult.Types.Status.Success, FunctionsHostStandIn.Describe(response));
}
