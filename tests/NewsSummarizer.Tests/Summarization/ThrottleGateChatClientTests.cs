using System.ClientModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Hosting;

namespace NewsSummarizer.Tests.Summarization;

/// <summary>A 429 with a long <c>Retry-After</c> (Azure OpenAI sends one with every rate-limit refusal: "Requests to the
/// ChatCompletions_Create Operation ... have exceeded token rate limit ... Please retry after 30 seconds", status 429,
/// header <c>retry-after</c>; https://learn.microsoft.com/azure/foundry/openai/quotas-limits) holds back every other
/// call until that moment: none of them is sent, each fails as the model's own 429 would, with the remaining wait.
/// A wait under <see cref="ThrottleGateChatClient.MinWait"/> (a rate window) holds nothing back.</summary>
public sealed class ThrottleGateChatClientTests
{
    private const string RateLimited =
        """{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2025-04-01-preview have exceeded token rate limit of your current AIServices S0 pricing tier. Please retry after 30 seconds."}}""";

    private readonly Mock<IChatClient> model = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private int calls;

    [Fact]
    public async Task GetResponse_AfterA429WithRetryAfter_SendsNothingUntilThatMoment()
    {
        ModelAnswers(429, retryAfter: "30");
        using var gate = CreateSut();

        await Assert.ThrowsAsync<ClientResultException>(() => gate.GetResponseAsync("first"));
        time.Advance(TimeSpan.FromSeconds(10));
        var held = await Assert.ThrowsAsync<ModelUnavailableException>(() => gate.GetResponseAsync("second"));

        Assert.Equal(1, calls);
        Assert.True(held.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(20), held.RetryAfter);
        Assert.Contains("HTTP 429", held.Message, StringComparison.Ordinal);
        Assert.Contains("2026-12-07T09:00:30", held.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_RetryAfterPassed_SendsTheCallAgain()
    {
        ModelAnswers(429, retryAfter: "30");
        using var gate = CreateSut();
        await Assert.ThrowsAsync<ClientResultException>(() => gate.GetResponseAsync("first"));

        time.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<ClientResultException>(() => gate.GetResponseAsync("second"));

        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(429, null)]
    [InlineData(429, "9")]
    [InlineData(503, "30")]
    [InlineData(400, "30")]
    public async Task GetResponse_RefusalThatIsNoThrottleWithAWait_ClosesNothing(int status, string? retryAfter)
    {
        ModelAnswers(status, retryAfter);
        using var gate = CreateSut();

        await Assert.ThrowsAsync<ClientResultException>(() => gate.GetResponseAsync("first"));
        await Assert.ThrowsAsync<ClientResultException>(() => gate.GetResponseAsync("second"));

        Assert.Equal(2, calls);
        Assert.Equal(DateTimeOffset.MinValue, gate.ClosedUntil);
    }

    [Fact]
    public async Task GetResponse_ShorterRetryAfterLater_KeepsTheLaterMoment()
    {
        ModelAnswers(429, retryAfter: "60");
        using var gate = CreateSut();
        await Assert.ThrowsAsync<ClientResultException>(() => gate.GetResponseAsync("first"));

        Assert.Equal(time.GetUtcNow().AddSeconds(60), gate.ClosedUntil);
    }

    [Fact]
    public async Task Summarize_TwentyArticlesIntoA429_PayOneRefusedCallAndWaitForTheModelsMoment()
    {
        ModelAnswers(429, retryAfter: "45");
        using var services = CreatePipeline();
        var summarizer = services.GetRequiredService<ISummarizer>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            await Record.ExceptionAsync(() => summarizer.SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None))));

        Assert.Equal(1, calls);
        Assert.All(outcomes, outcome =>
        {
            var unavailable = Assert.IsType<ModelUnavailableException>(outcome);
            Assert.True(unavailable.Throttled);
            Assert.Equal(TimeSpan.FromSeconds(45), unavailable.RetryAfter);
        });
    }

    private void ModelAnswers(int status, string? retryAfter) =>
        model.Setup(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref calls))
            .ThrowsAsync(new ClientResultException(ModelFailureClassifierTests.Response(status, RateLimited, retryAfter)));

    private ThrottleGateChatClient CreateSut() => new(model.Object, time, NullLogger<ThrottleGateChatClient>.Instance);

    // The hosts' pipeline with the SDK's client swapped for the mock, one model call at a time.
    private ServiceProvider CreatePipeline()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Summarizer:Provider"] = "OpenAI",
            ["Summarizer:MaxConcurrentModelCalls"] = "1",
            ["OpenAI:Model"] = "test-model",
            ["OpenAI:Endpoint"] = "http://127.0.0.1:9/v1",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddInnerChatClient(_ => model.Object)
            .AddNewsSummarizer(configuration)
            .BuildServiceProvider();
    }
}
