using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Hosting;
using NewsSummarizer.Tests.Summarization;

namespace NewsSummarizer.Tests.Hosting;

public sealed class InnerChatClientTests
{
    private readonly Mock<IChatClient> model = new();

    [Fact]
    public void AddInnerChatClient_SwappedModel_KeepsEveryLayerOfThePipeline()
    {
        using var services = CreateSut(tokensPerMinute: 100_000);

        var client = services.GetRequiredService<IChatClient>();

        Assert.NotNull(client.GetService<ConcurrencyLimitingChatClient>());
        Assert.NotNull(client.GetService<TokenBudgetChatClient>());
        Assert.NotNull(client.GetService<OpenAIRequestShaper>());
    }

    [Fact]
    public void AddNewsSummarizer_ModelPipeline_HasItsLayersOutermostFirst()
    {
        using var services = CreateSut(tokensPerMinute: 100_000);

        var layers = Layers(services.GetRequiredService<IChatClient>()).ToList();

        // Failures are classified above everything (the throttle gate's refusals included), a cut reply is asked
        // again through the concurrency limit (each call takes a slot), the budget is charged right before the wire.
        Assert.Equal(
            [typeof(ModelFailureChatClient), typeof(OutputBudgetChatClient), typeof(ConcurrencyLimitingChatClient), typeof(ThrottleGateChatClient),
                typeof(TokenBudgetChatClient), typeof(OpenAIRequestShaper)],
            layers.SkipLast(1).Select(layer => layer.GetType()));
        Assert.Same(model.Object, layers[^1]);
    }

    private static IEnumerable<IChatClient> Layers(IChatClient client)
    {
        for (IChatClient? current = client; current is not null; current = (current as DelegatingChatClient)?.GetType()
            .GetProperty("InnerClient", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)?.GetValue(current) as IChatClient)
        {
            yield return current;
        }
    }

    [Fact]
    public async Task AddInnerChatClient_SwappedModel_IsWhatTheSummarizerCallsThroughTheConcurrencyLimit()
    {
        model.Setup(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatResponse(new ChatMessage(ChatRole.Assistant, ChatSummarizerTests.Reply())));
        using var services = CreateSut(tokensPerMinute: 0);

        var summarizer = services.GetRequiredService<ISummarizer>();
        var content = await summarizer.SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(ModelProvider.OpenAI, content.Model.Provider);
        model.Verify(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(services.GetRequiredService<IChatClient>().GetService<ConcurrencyLimitingChatClient>());
    }

    private ServiceProvider CreateSut(int tokensPerMinute)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Summarizer:Provider"] = "OpenAI",
            ["Summarizer:TokensPerMinute"] = tokensPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpenAI:Model"] = "test-model",
            ["OpenAI:Endpoint"] = "http://127.0.0.1:9/v1",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddInnerChatClient(_ => model.Object)
            .AddNewsSummarizer(configuration)
            .BuildServiceProvider();
    }
}
