using Azure;
using Azure.Storage.Queues;
using NewsSummarizer.Processing.Retries;

namespace NewsSummarizer.IntegrationTests.Resilience;

/// <summary>Retries that wait, end to end through the DevHost on Azurite: a transient model failure schedules the
/// article on the article-retries queue, and the queue trigger brings it back when it is due. Every timeline is read
/// from the fake model's request log; spacing is asserted only from below.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduledRetryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Upload_ModelDownLongerThanOneCallsBudget_EveryArticleOkWithOneExtraCall()
    {
        await using var model = await FakeModelServer.StartAsync();
        // Down for each article's first call (both attempts of its in-call budget), then back.
        model.RequestScript = request => AttemptsFor(model, ArticleOf(request)) <= 2 ? new FakeReply(503) : FakeReply.Ok(FakeModelServer.ValidReply);
        var settings = ResilienceSettings.For(model);
        settings["Summarizer:ModelMaxRetries"] = "1";
        var (host, container) = await StartAsync(settings);
        await using var _ = host;

        for (var i = 1; i <= 3; i++)
        {
            await container.UploadBlobAsync($"outage/{i}.txt", BinaryData.FromString(ResilienceSettings.Article(i)));
        }

        var results = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => StoredResults.WaitForAsync(container, $"outage/{i}.txt", d => d.Status == SummaryStatus.Ok, Patience)));

        Assert.All(results, d => Assert.Equal(ModelProvider.OpenAI, d.Model.Provider));
        for (var i = 1; i <= 3; i++)
        {
            var attempts = Timeline(model, i);
            output.WriteLine($"article {i}: {Describe(attempts)}");
            Assert.Equal(3, attempts.Count); // one failed call (2 attempts), then exactly one scheduled call
            Assert.True(attempts[2] - attempts[1] >= TimeSpan.FromSeconds(1), Describe(attempts)); // Retries:BaseDelay 1 s, whole seconds
        }
    }

    [Fact]
    public async Task Upload_ThrottledWithRetryAfterBeyondMaxRetryAfter_OneCallPerScheduledAttemptSpacedByRetryAfter()
    {
        await using var model = await FakeModelServer.StartAsync();
        model.RequestScript = request => AttemptsFor(model, ArticleOf(request)) <= 3 ? FakeReply.Throttled(retryAfterSeconds: 3) : FakeReply.Ok(FakeModelServer.ValidReply);
        var (host, container) = await StartThrottledAsync(model);
        await using var _ = host;

        await container.UploadBlobAsync("throttled/1.txt", BinaryData.FromString(ResilienceSettings.Article(1)));
        await container.UploadBlobAsync("throttled/2.txt", BinaryData.FromString(ResilienceSettings.Article(2)));
        await StoredResults.WaitForAsync(container, "throttled/1.txt", d => d.Status == SummaryStatus.Ok, Patience);
        await StoredResults.WaitForAsync(container, "throttled/2.txt", d => d.Status == SummaryStatus.Ok, Patience);

        for (var i = 1; i <= 2; i++)
        {
            var attempts = Timeline(model, i);
            output.WriteLine($"article {i}: {Describe(attempts)}");
            Assert.Equal(4, attempts.Count); // 3 throttled calls of one attempt each (Retry-After 3 s > MaxRetryAfter 1 s), then ok
            Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(3), Describe(attempts)));
        }
    }

    [Fact]
    public async Task Reupload_WhileScheduled_OldScheduleMakesNoCall()
    {
        await using var model = await FakeModelServer.StartAsync();
        model.RequestScript = request => ArticleOf(request) == 1 ? FakeReply.Throttled(retryAfterSeconds: 3) : FakeReply.Ok(FakeModelServer.ValidReply);
        var (host, container) = await StartThrottledAsync(model);
        await using var _ = host;

        await container.UploadBlobAsync("edited.txt", BinaryData.FromString(ResilienceSettings.Article(1)));
        var waiting = await StoredResults.WaitForAsync(container, "edited.txt", d => d.Status == SummaryStatus.Waiting, Patience);
        var v2 = await container.GetBlobClient("edited.txt").UploadAsync(BinaryData.FromString(ResilienceSettings.Article(2)), overwrite: true);
        var ok = await StoredResults.WaitForAsync(container, "edited.txt", d => d.Status == SummaryStatus.Ok, Patience);
        await WaitForQueueDrainedAsync();

        Assert.Single(Timeline(model, 1)); // the v1 schedule came due after v2's result and made no call
        Assert.Single(Timeline(model, 2));
        Assert.Equal(v2.Value.ETag.ToString(), ok.Source.ETag);
        Assert.NotEqual(waiting.Source.ETag, ok.Source.ETag);
        Assert.Equal(SummaryStatus.Ok, (await StoredResults.ReadAsync(container, "edited.txt"))?.Status);
    }

    [Fact]
    public async Task DuplicateMessages_WhileWaitingAndAfterOk_MakeNoExtraCall()
    {
        await using var model = await FakeModelServer.StartAsync();
        model.RequestScript = request => AttemptsFor(model, ArticleOf(request)) <= 1 ? FakeReply.Throttled(retryAfterSeconds: 3) : FakeReply.Ok(FakeModelServer.ValidReply);
        var (host, container) = await StartThrottledAsync(model);
        await using var _ = host;
        var queue = RetryQueue();

        await container.UploadBlobAsync("twice.txt", BinaryData.FromString(ResilienceSettings.Article(3)));
        var waiting = await StoredResults.WaitForAsync(container, "twice.txt", d => d.Status == SummaryStatus.Waiting, Patience);
        var copy = new RetryMessage(container.Name, "twice.txt", waiting.Source.ETag!, 1, waiting.CreatedAt, waiting.RetryAt!.Value, ["copy"]).ToJson();
        await queue.SendMessageAsync(copy); // a second delivery of the schedule, visible at once
        await StoredResults.WaitForAsync(container, "twice.txt", d => d.Status == SummaryStatus.Ok, Patience);
        await WaitForQueueDrainedAsync(); // the original schedule, due later, came and went
        await queue.SendMessageAsync(copy); // and another one after the result is current
        await WaitForQueueDrainedAsync();

        var attempts = Timeline(model, 3);
        output.WriteLine($"article 3: {Describe(attempts)}");
        Assert.Equal(2, attempts.Count); // the throttled call and one scheduled call, whatever the duplicates
    }

    private async Task<(DevHostRunner Host, BlobContainerClient Container)> StartAsync(Dictionary<string, string?> settings)
    {
        var container = await azurite.CreateContainerAsync();
        return (await DevHostRunner.StartAsync(azurite, container.Name, settings), container);
    }

    /// <summary><see cref="StartAsync"/> with a Retry-After over 1 s scheduled on the retry queue instead of waited
    /// out within the call.</summary>
    private Task<(DevHostRunner Host, BlobContainerClient Container)> StartThrottledAsync(FakeModelServer model)
    {
        var settings = ResilienceSettings.For(model);
        settings["Summarizer:MaxRetryAfter"] = "00:00:01";
        return StartAsync(settings);
    }

    private QueueClient RetryQueue() =>
        new(azurite.ConnectionString, ArticleRetryQueue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>Waits until no message is left on the retry queue, visible or not (so every schedule was handled).</summary>
    private async Task WaitForQueueDrainedAsync()
    {
        var queue = RetryQueue();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)
                {
                    return;
                }
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The retry queue still holds messages.");
    }

    /// <summary>The article a request summarises (<see cref="ResilienceSettings.Article"/> writes "Report {i}:").</summary>
    private static int ArticleOf(FakeRequest request)
    {
        var at = request.Body.IndexOf("Report ", StringComparison.Ordinal);
        var end = at < 0 ? -1 : request.Body.IndexOf(':', at);
        return end < 0 ? 0 : int.Parse(request.Body[(at + 7)..end], CultureInfo.InvariantCulture);
    }

    private static int AttemptsFor(FakeModelServer model, int article) => model.RawRequests.Count(r => ArticleOf(r) == article);

    private static List<DateTimeOffset> Timeline(FakeModelServer model, int article) =>
        [.. model.RawRequests.Where(r => ArticleOf(r) == article).Select(r => r.ReceivedAt).Order()];

    private static string Describe(List<DateTimeOffset> attempts) =>
        string.Join(", ", attempts.Select(t => (t - attempts[0]).TotalSeconds.ToString("+0.00 s", CultureInfo.InvariantCulture)));
}
