using Microsoft.Extensions.AI;
using NewsSummarizer.Summarization.Chat;

namespace NewsSummarizer.IntegrationTests.Models;

/// <summary>The layers of the registered model pipeline.</summary>
public sealed class ModelPipelineTests
{
    [Theory]
    [InlineData("AzureOpenAI", "0", false)]
    [InlineData("AzureOpenAI", "120000", true)]
    [InlineData("OpenAI", "90000", true)]
    public async Task AddNewsSummarizer_TokensPerMinute_AddsTheBudgetLayerOnlyWhenSet(string provider, string tokensPerMinute, bool expected)
    {
        await using var server = await FakeModelServer.StartAsync();
        await using var services = ModelServices.Create(ModelServices.Settings(
            provider, server, new Dictionary<string, string?> { ["Summarizer:TokensPerMinute"] = tokensPerMinute }));

        var client = services.GetRequiredService<IChatClient>();

        Assert.NotNull(client.GetService<ConcurrencyLimitingChatClient>());
        Assert.Equal(expected, client.GetService<TokenBudgetChatClient>() is not null);
        Assert.NotNull(client.GetService<OpenAIRequestShaper>());
    }

    [Fact]
    public async Task InstantPipeline_Build_SwapsOnlyTheInnermostClientAndKeepsTheConcurrencyLimit()
    {
        var model = new InstantChatClient();
        await using var services = InstantPipeline.Build("UseDevelopmentStorage=true", "articles", model);

        var client = services.GetRequiredService<IChatClient>();
        var content = await services.SummarizeArticleAsync();

        Assert.NotNull(client.GetService<ConcurrencyLimitingChatClient>());
        Assert.NotNull(client.GetService<OpenAIRequestShaper>());
        Assert.Same(model, client.GetService<InstantChatClient>());
        Assert.Equal(1, model.Calls);
        Assert.Equal(CannedReplies.ArabicSummary, content.Summary.Ar);
    }
}
