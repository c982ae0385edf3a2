using System.ClientModel;
using NewsSummarizer.Articles;
using NewsSummarizer.Tests.Summarization.Chat;

namespace NewsSummarizer.Tests.Summarization;

/// <summary>The request shape and what the summariser does with each kind of refusal, at the model boundary.</summary>
public sealed class ChatSummarizerRefusalTests
{
    private static readonly TokenCounter Tokens = new();
    private readonly Mock<IChatClient> chat = new(MockBehavior.Strict);
    private readonly List<ChatOptions?> calls = [];
    private readonly List<List<ChatMessage>> messages = [];

    [Fact]
    public async Task SummarizeAsync_DefaultOptions_AsksStrictSchemaWithOutputBudgetAndNoSamplingOrEffort()
    {
        Replies(Ok());

        await CreateSut().SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None);

        var options = Assert.Single(calls)!;
        Assert.Equal(SummarizerOptions.DefaultMaxOutputTokens, options.MaxOutputTokens);
        Assert.Null(options.Temperature);
        Assert.Null(options.TopP);
        Assert.Equal(true, options.AdditionalProperties?[ModelRequest.StrictKey]);
        Assert.False(options.AdditionalProperties!.ContainsKey(ModelRequest.ReasoningEffortKey));
    }

    [Fact]
    public async Task SummarizeAsync_TemperatureAndEffortSet_AsksWithBoth()
    {
        Replies(Ok());

        await CreateSut(new SummarizerOptions { Temperature = 0.3f, ReasoningEffort = "low" })
            .SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None);

        var options = Assert.Single(calls)!;
        Assert.Equal(0.3f, options.Temperature);
        Assert.Equal("low", options.AdditionalProperties?[ModelRequest.ReasoningEffortKey]);
    }

    [Fact]
    public async Task SummarizeAsync_ReplyCutAtOutputBudget_AsksOnceMoreWithTwiceTheBudget()
    {
        Replies(Cut(reasoning: 4000), Ok());

        var content = await CreateSut().SummarizeAsync(TestData.Arabic, SummaryLength.Default, CancellationToken.None);

        Assert.Equal(2, calls.Count);
        Assert.Equal(8000, calls[1]!.MaxOutputTokens);
        Assert.Equal(2, messages[1].Count); // the same request, not a repair conversation
        Assert.False(string.IsNullOrWhiteSpace(content.Summary.Ar));
    }

    [Fact]
    public async Task SummarizeAsync_ReplyCutTwice_FailsOutputTruncatedNamingBothSettings()
    {
        Replies(Cut(reasoning: 4000), Cut(reasoning: 8000));

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => CreateSut().SummarizeAsync(TestData.Arabic, SummaryLength.Default, CancellationToken.None));

        Assert.Equal(2, calls.Count);
        Assert.Equal(ModelErrorCodes.OutputTruncated, error.Code);
        Assert.Equal(Disposition.Failed, error.Failure.Disposition);
        Assert.Contains("8000 tokens, 8000 of them on hidden reasoning", error.Message, StringComparison.Ordinal);
        Assert.Contains("Summarizer__MaxOutputTokens", error.Message, StringComparison.Ordinal);
        Assert.Contains("Summarizer__ReasoningEffort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_CompletionFiltered_FailsContentFilteredAfterOneCallWithoutRepair()
    {
        Replies(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Empty)) { FinishReason = ChatFinishReason.ContentFilter });

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => CreateSut().SummarizeAsync(TestData.Arabic, SummaryLength.Default, CancellationToken.None));

        Assert.Single(calls);
        Assert.Equal(ModelErrorCodes.ContentFiltered, error.Code);
        Assert.Equal(Disposition.Rejected, error.Failure.Disposition);
    }

    [Fact]
    public async Task SummarizeAsync_PromptFiltered_FailsContentFilteredAfterOneCall()
    {
        Throws(400, ModelFailureClassifierTests.PromptFilteredBody);

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => CreateSut().SummarizeAsync(TestData.Arabic, SummaryLength.Default, CancellationToken.None));

        Assert.Single(calls);
        Assert.Equal(ModelErrorCodes.ContentFiltered, error.Code);
        Assert.Contains("violence (severity high)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, ModelFailureClassifierTests.TemperatureRefusedBody, ModelErrorCodes.RejectedRequest)]
    [InlineData(404, ModelFailureClassifierTests.DeploymentNotFoundBody, ModelErrorCodes.NotFound)]
    [InlineData(401, ModelFailureClassifierTests.BadKeyBody, ModelErrorCodes.AuthFailed)]
    public async Task SummarizeAsync_FinalRefusal_ThrowsItsCodeAfterOneCall(int status, string body, string code)
    {
        Throws(status, body);

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => CreateSut().SummarizeAsync(TestData.English, SummaryLength.Default, CancellationToken.None));

        Assert.Single(calls);
        Assert.Equal(code, error.Code);
        Assert.Equal(Disposition.Failed, error.Failure.Disposition);
    }

    [Fact]
    public async Task SummarizeAsync_ContextTooLong_SplitsIntoSmallerPartsOnceAndSucceeds()
    {
        var refused = false;
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((m, o, _) => Record(m, o))
            .Returns(() =>
            {
                if (!refused)
                {
                    refused = true;
                    throw new ClientResultException(ModelFailureClassifierTests.Response(400, ModelFailureClassifierTests.ContextTooLongBody));
                }

                return Task.FromResult(Ok());
            });

        var content = await CreateSut().SummarizeAsync(LongArticle(), SummaryLength.Default, CancellationToken.None);

        Assert.True(calls.Count >= 4, $"expected the refused call, at least two parts and the combining call; saw {calls.Count}");
        Assert.False(string.IsNullOrWhiteSpace(content.Summary.En));
    }

    [Fact]
    public async Task SummarizeAsync_ContextTooLongAfterSplitting_FailsContextTooLongAfterTwoCalls()
    {
        Throws(400, ModelFailureClassifierTests.ContextTooLongBody);

        var error = await Assert.ThrowsAsync<SummarizationException>(
            () => CreateSut().SummarizeAsync(LongArticle(), SummaryLength.Default, CancellationToken.None));

        Assert.Equal(2, calls.Count);
        Assert.Equal(ModelErrorCodes.ContextTooLong, error.Code);
        Assert.Contains("Summarizer__MaxInputTokens", error.Message, StringComparison.Ordinal);
        Assert.Contains("after splitting the article", error.Message, StringComparison.Ordinal);
    }

    private static Article LongArticle() => new(
        string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"Paragraph {i}: the council debated the transport budget, the new tram line and school repairs for hours.")),
        null,
        ArticleLanguage.English);

    private static ChatResponse Ok() =>
        new(new ChatMessage(ChatRole.Assistant, ChatSummarizerTests.Reply())) { FinishReason = ChatFinishReason.Stop };

    private static ChatResponse Cut(int reasoning) =>
        new(new ChatMessage(ChatRole.Assistant, string.Empty))
        {
            FinishReason = ChatFinishReason.Length,
            Usage = new UsageDetails { OutputTokenCount = reasoning, ReasoningTokenCount = reasoning },
        };

    private void Record(IEnumerable<ChatMessage> m, ChatOptions? o)
    {
        messages.Add([.. m]);
        calls.Add(o);
    }

    private void Replies(params ChatResponse[] replies)
    {
        var queue = new Queue<ChatResponse>(replies);
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((m, o, _) => Record(m, o))
            .ReturnsAsync(queue.Dequeue);
    }

    private void Throws(int status, string body) =>
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken>((m, o, _) => Record(m, o))
            .ThrowsAsync(new ClientResultException(ModelFailureClassifierTests.Response(status, body)));

    private ChatSummarizer CreateSut(SummarizerOptions? options = null) => ChatTestKit.Summarizer(
        chat.Object, options ?? new SummarizerOptions { MaxInputTokens = 500 }, new ChatModelInfo(ModelProvider.AzureOpenAI, "gpt-test", "contoso.openai.azure.com"), Tokens);
}
