using System.ClientModel;
using System.ClientModel.Primitives;
using Moq.Protected;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsSummarizer.Tests.Summarization;

/// <summary>The one classifier of model failures, fed the error bodies the services document (sources per payload).</summary>
public sealed class ModelFailureClassifierTests
{
    // https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter (prompt annotations, HTTP 400)
    internal const string PromptFilteredBody =
        """
        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766","type":null,"param":"prompt","code":"content_filter","status":400,
        "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":true,"severity":"high"}}}}}
        """;

    // https://github.com/gabrii/Cursor-Azure-GPT-5/issues/33, https://github.com/holoviz/lumen/pull/1087 (GPT-5 / o-series)
    internal const string TemperatureRefusedBody =
        """{"error":{"message":"Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.","type":"invalid_request_error","param":"temperature","code":"unsupported_value"}}""";

    // https://github.com/griptape-ai/ComfyUI-Griptape/issues/312 (gpt-5)
    internal const string MaxTokensRefusedBody =
        """{"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}""";

    // https://github.com/Azure-Samples/azure-search-openai-demo-csharp/issues/379
    internal const string DeploymentNotFoundBody =
        """{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}""";

    // https://github.com/SciSharp/BotSharp/issues/386
    internal const string BadKeyBody =
        """{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}""";

    // https://github.com/crewAIInc/crewAI-examples/issues/121
    internal const string ContextTooLongBody =
        """{"error":{"message":"This model's maximum context length is 8192 tokens. However, your messages resulted in 8227 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}""";

    // https://github.com/Part-DB/Part-DB-server/pull/1540 (Azure), https://github.com/moeru-ai/xsai/issues/145 (OpenAI)
    internal const string InvalidSchemaBody =
        """{"error":{"message":"Invalid schema for response_format 'bilingual_summary': In context=(), 'additionalProperties' is required to be supplied and to be false.","type":"invalid_request_error","param":"response_format","code":"invalid_json_schema"}}""";

    private static readonly ChatModelInfo Azure = new(ModelProvider.AzureOpenAI, "summaries", "contoso.openai.azure.com");
    private static readonly ChatModelInfo OpenAI = new(ModelProvider.OpenAI, "llama3.1", "localhost:11434");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Classify_AzurePromptFilter_IsContentFilteredNamingCategoryAndSeverity()
    {
        var failure = Classify(400, PromptFilteredBody);

        Assert.Equal(ModelFailureKind.ContentFiltered, failure.Kind);
        Assert.Equal("content-filtered", failure.Code);
        Assert.Contains("violence (severity high)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hate", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Summarizer__FallbackToExtractive", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A final refusal: its kind and code, and the words that tell the user what to change (the parameter,
    /// the setting, the model's own reason). <c>provider</c> picks the configured model (Azure or OpenAI).</summary>
    public static TheoryData<string, int, string, ModelFailureKind, string?, string[]> Refusals => new()
    {
        {
            "Azure", 400, TemperatureRefusedBody, ModelFailureKind.RejectedRequest, "model-rejected-request",
            ["parameter 'temperature'", "Summarizer__Temperature", "Only the default (1) value is supported"]
        },
        { "Azure", 400, MaxTokensRefusedBody, ModelFailureKind.RejectedRequest, null, ["Summarizer__MaxOutputTokens"] },
        { "Azure", 400, InvalidSchemaBody, ModelFailureKind.RejectedRequest, null, ["parameter 'response_format'", "structured output"] },
        {
            "Azure", 404, DeploymentNotFoundBody, ModelFailureKind.NotFound, "model-not-found",
            ["deployment 'summaries'", "the configured endpoint", "AzureOpenAI__Deployment"]
        },
        {
            "OpenAI", 404, """{"error":{"message":"model 'llama3.1' not found","type":"api_error","param":null,"code":null}}""",
            ModelFailureKind.NotFound, null, ["OpenAI__Model"]
        },
        { "Azure", 401, BadKeyBody, ModelFailureKind.AuthFailed, "model-auth-failed", ["AzureOpenAI__ApiKey", "Cognitive Services OpenAI User"] },
        { "Azure", 403, BadKeyBody, ModelFailureKind.AuthFailed, "model-auth-failed", ["AzureOpenAI__ApiKey", "Cognitive Services OpenAI User"] },
        { "Azure", 400, ContextTooLongBody, ModelFailureKind.ContextTooLong, "context-too-long", ["Summarizer__MaxInputTokens"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Classify_Refusal_IsItsKindNamingWhatToChange(
        string provider, int status, string body, ModelFailureKind kind, string? code, string[] mentions)
    {
        var failure = Classify(status, body, provider == "OpenAI" ? OpenAI : Azure);

        Assert.Equal(kind, failure.Kind);
        if (code is not null)
        {
            Assert.Equal(code, failure.Code);
        }

        Assert.All(mentions, mention => Assert.Contains(mention, failure.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Classify_TransientStatus_IsTransientWithRetryAfter(int status)
    {
        var failure = Classify(status, "{}", retryAfter: "7");

        Assert.True(failure.IsTransient);
        Assert.Equal(status == 429, failure.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
        Assert.IsType<ModelUnavailableException>(failure.ToException(null));
    }

    [Fact]
    public void Classify_RetryAfterAsHttpDate_IsTheTimeUntilThatDate()
    {
        var failure = Classify(429, "{}", retryAfter: time.GetUtcNow().AddSeconds(30).ToString("R"));

        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
    }

    [Fact]
    public void Classify_FinalFailure_BecomesSummarizationExceptionOnlyContentFilterRejected()
    {
        var filtered = Assert.IsType<SummarizationException>(Classify(400, PromptFilteredBody).ToException(null));
        var refused = Assert.IsType<SummarizationException>(Classify(400, TemperatureRefusedBody).ToException(null));

        Assert.Equal(Disposition.Rejected, filtered.Failure.Disposition);
        Assert.Equal(Disposition.Failed, refused.Failure.Disposition);
    }

    [Fact]
    public void Classify_WrappedTransportFailures_AreTransient()
    {
        Assert.True(ModelFailureClassifier.Classify(new InvalidOperationException("x", new HttpRequestException("refused")), Azure, time)!.IsTransient);
        Assert.True(ModelFailureClassifier.Classify(new TimeoutRejectedException(), Azure, time)!.IsTransient);
        Assert.True(ModelFailureClassifier.Classify(new BrokenCircuitException(), Azure, time)!.IsTransient);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    public void Classify_RefusalMessages_NameTheDependencyNotItsHost(int status)
    {
        // Messages end up in stored results, which anyone reading the container sees (issue 25).
        var failure = Classify(status, status == 401 ? BadKeyBody : DeploymentNotFoundBody, Azure);

        Assert.DoesNotContain("contoso", failure.Message, StringComparison.Ordinal);
        Assert.Contains("endpoint", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Unreachable_NamesTheDependencyNotItsHost()
    {
        var failure = ModelFailureClassifier.Classify(new HttpRequestException("Connection refused (localhost:11434)"), OpenAI, time)!;

        Assert.True(failure.IsTransient);
        Assert.Equal("The model endpoint could not be reached.", failure.Message);
    }

    [Fact]
    public void Classify_UnrelatedException_IsNotAModelFailure() =>
        Assert.Null(ModelFailureClassifier.Classify(new InvalidOperationException("a bug"), Azure, time));

    [Fact]
    public void CompletionFiltered_NoRawResponse_SaysCategoriesWereNotGiven()
    {
        var failure = ModelFailureClassifier.CompletionFiltered(null);

        Assert.Equal("content-filtered", failure.Code);
        Assert.Contains("completion filter: the reply did not say which category", failure.Message, StringComparison.Ordinal);
    }

    private ModelFailure Classify(int status, string body, ChatModelInfo? model = null, string? retryAfter = null) =>
        ModelFailureClassifier.Classify(new ClientResultException(Response(status, body, retryAfter)), model ?? Azure, time)!;

    internal static PipelineResponse Response(int status, string body, string? retryAfter = null)
    {
        var headers = new Mock<PipelineResponseHeaders>();
        string? value = retryAfter;
        headers.Setup(h => h.TryGetValue(It.Is<string>(n => n.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)), out value))
            .Returns(retryAfter is not null);
        var response = new Mock<PipelineResponse>();
        response.SetupGet(r => r.Status).Returns(status);
        response.SetupGet(r => r.ReasonPhrase).Returns("fake");
        response.SetupGet(r => r.Content).Returns(BinaryData.FromString(body));
        response.Protected().SetupGet<PipelineResponseHeaders>("HeadersCore").Returns(headers.Object);
        return response.Object;
    }
}
