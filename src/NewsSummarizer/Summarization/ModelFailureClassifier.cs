using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using NewsSummarizer.Summarization.Chat;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsSummarizer.Summarization;

/// <summary>The one classifier of model failures: which statuses and exceptions are transient (retried by the
/// resilience handler, then <see cref="ModelUnavailableException"/>), how <c>Retry-After</c> is read, and what every
/// other refusal means, with the setting to change. The resilience handler, the chat summariser and the HTTP API all
/// ask it; none re-derives it.</summary>
/// <remarks>Error bodies follow the OpenAI shape <c>{"error": {"message", "type", "param", "code"}}</c>; Azure adds
/// <c>innererror</c> with <c>content_filter_result</c> for a blocked prompt
/// (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter).</remarks>
public static class ModelFailureClassifier
{
    /// <summary>Statuses a later attempt can cure: 408, 429 and every 5xx.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>Transport failures a later attempt can cure: no connection, an attempt timeout, an open circuit.</summary>
    public static bool IsTransientException(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException;

    /// <summary>Reads <c>retry-after-ms</c> (Azure) or <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(Func<string, string?> header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (double.TryParse(header("retry-after-ms"), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        var value = header("Retry-After");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date - now < TimeSpan.Zero ? TimeSpan.Zero : date - now
            : null;
    }

    /// <summary>Classifies what a model call threw (the SDK's <see cref="ClientResultException"/>, possibly around
    /// the transport's or Polly's exceptions). <c>null</c>: not a model failure (a bug, or the caller cancelled).</summary>
    public static ModelFailure? Classify(Exception exception, ChatModelInfo? model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(time);
        var sawClientResult = false;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case ClientResultException { Status: > 0 } result:
                    var response = result.GetRawResponse();
                    return ClassifyResponse(
                        result.Status,
                        TryReadBody(response),
                        name => response is not null && response.Headers.TryGetValue(name, out var value) ? value : null,
                        model,
                        time);
                case ClientResultException:
                    sawClientResult = true;
                    break;
                case TimeoutRejectedException:
                    return Transient("The model did not answer within Summarizer__ModelAttemptTimeout on any attempt.");
                case BrokenCircuitException:
                    return Transient(
                        "Nearly every recent model call failed, so calls are paused for a moment (circuit open).",
                        retryAfter: ModelResilience.BreakDuration);
                case HttpRequestException:
                    // The dependency, never its host: the message ends up in stored results that readers of the
                    // container see (the host is in GET /api/health/details and the logs).
                    return Transient("The model endpoint could not be reached.");
            }
        }

        return sawClientResult ? Transient("The model endpoint could not be reached.") : null;
    }

    /// <summary>Classifies an HTTP answer of the model from its status, body and headers.</summary>
    public static ModelFailure ClassifyResponse(int status, string? body, Func<string, string?> header, ChatModelInfo? model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(time);
        if (IsTransientStatus(status))
        {
            var retryAfter = RetryAfter(header, time.GetUtcNow());
            return status == 429
                ? Transient("The model throttled every attempt (HTTP 429): the deployment's rate limit or quota is spent.", throttled: true, retryAfter)
                : Transient($"The model answered HTTP {status} on every attempt.", retryAfter: retryAfter);
        }

        var error = ModelErrorBody.Parse(body);
        var said = error.Message is { Length: > 0 } message ? $" The model said: \"{Trim(message)}\"" : string.Empty;
        if (error.Code == "content_filter" || error.InnerCode == "ResponsibleAIPolicyViolation")
        {
            return new ModelFailure(
                ModelFailureKind.ContentFiltered,
                ModelErrorCodes.ContentFiltered,
                "Azure OpenAI's content filter blocked the article (prompt filter: " + DescribeFilter(error.FilterResult) + "). " +
                FilterAdvice);
        }

        if (error.Code == "context_length_exceeded" ||
            (error.Message?.Contains("maximum context length", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return new ModelFailure(
                ModelFailureKind.ContextTooLong,
                ModelErrorCodes.ContextTooLong,
                $"The request does not fit the model's context window (HTTP {status} {error.Code ?? "context length exceeded"}).{said} " +
                "Lower Summarizer__MaxInputTokens below the model's context window minus Summarizer__MaxOutputTokens and about 1,000 tokens of instructions.");
        }

        var names = Settings.For(model);
        switch (status)
        {
            case 401 or 403:
                return new ModelFailure(
                    ModelFailureKind.AuthFailed,
                    ModelErrorCodes.AuthFailed,
                    $"The model endpoint refused the credentials (HTTP {status}{CodeSuffix(error)}).{said} {names.AuthAdvice}");
            case 404:
                return new ModelFailure(
                    ModelFailureKind.NotFound,
                    ModelErrorCodes.NotFound,
                    $"The {names.ModelNoun} '{model?.Model ?? "?"}' does not exist at the configured endpoint (HTTP 404{CodeSuffix(error)}).{said} " +
                    $"Set {names.ModelSetting} to an existing {names.ModelNoun}{names.NotFoundHint}.");
        }

        return new ModelFailure(
            ModelFailureKind.RejectedRequest,
            ModelErrorCodes.RejectedRequest,
            $"The model refused the request (HTTP {status}{CodeSuffix(error)}{(error.Param is { } p ? $", parameter '{p}'" : string.Empty)}).{said} " +
            ParameterAdvice(error));
    }

    /// <summary>A completion Azure's filter blocked (HTTP 200, <c>finish_reason: content_filter</c>): names the
    /// categories from the choice's <c>content_filter_results</c> when the reply carries them.</summary>
    public static ModelFailure CompletionFiltered(object? rawResponse) =>
        new(
            ModelFailureKind.ContentFiltered,
            ModelErrorCodes.ContentFiltered,
            "Azure OpenAI's content filter blocked the model's summary (completion filter: " +
            DescribeFilter(CompletionFilterResults(rawResponse)) + "). " + FilterAdvice);

    private const string FilterAdvice =
        "The same text cannot pass this filter, so it is not retried. To summarise such articles, ask for a less strict " +
        "content filter configuration on the deployment, or set Summarizer__FallbackToExtractive=true to write the " +
        "extractive summary instead.";

    private static ModelFailure Transient(string message, bool throttled = false, TimeSpan? retryAfter = null) =>
        new(ModelFailureKind.Transient, "model-unavailable", message, throttled, retryAfter);

    private static string ParameterAdvice(ModelErrorBody error) => error.Param switch
    {
        "temperature" or "top_p" =>
            "Leave Summarizer__Temperature unset (it is then not sent); reasoning models accept only their default.",
        "max_tokens" or "max_completion_tokens" =>
            "Check Summarizer__MaxOutputTokens (sent as max_completion_tokens): it may exceed what this model can produce.",
        "reasoning_effort" =>
            "Leave Summarizer__ReasoningEffort unset for a model that does not reason, or use a value this model accepts.",
        "response_format" or "response_format.json_schema" or "text.format" =>
            "This model does not accept the strict JSON-schema structured output the summaries need. Use a model that " +
            "supports structured outputs (on Azure, api-version 2024-08-01-preview or later).",
        { } other => $"Remove what sets '{other}', or choose a model that accepts it.",
        null when error.Code == "invalid_json_schema" =>
            "The response schema is not valid under strict structured-output rules; this is a bug in NewsSummarizer.",
        null => "Check Summarizer__Temperature, Summarizer__MaxOutputTokens and Summarizer__ReasoningEffort against what this model accepts.",
    };

    private static string DescribeFilter(JsonElement? results)
    {
        if (results is not { ValueKind: JsonValueKind.Object } categories)
        {
            return "the reply did not say which category";
        }

        var blocked = new List<string>();
        foreach (var category in categories.EnumerateObject())
        {
            if (category.Value.ValueKind == JsonValueKind.Object &&
                category.Value.TryGetProperty("filtered", out var filtered) && filtered.ValueKind == JsonValueKind.True)
            {
                var severity = category.Value.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.String
                    ? $" (severity {s.GetString()})"
                    : category.Value.TryGetProperty("detected", out var d) && d.ValueKind == JsonValueKind.True ? " (detected)" : string.Empty;
                blocked.Add(category.Name + severity);
            }
        }

        return blocked.Count == 0 ? "no category was marked as filtered" : string.Join(", ", blocked);
    }

    private static JsonElement? CompletionFilterResults(object? rawResponse)
    {
        if (rawResponse is null)
        {
            return null;
        }

        try
        {
            // The SDK keeps properties it does not model (Azure's content_filter_results) and writes them back.
            var json = ModelReaderWriter.Write(rawResponse);
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    if (choice.TryGetProperty("content_filter_results", out var results))
                    {
                        return results.Clone();
                    }
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException or NotSupportedException or FormatException)
        {
            // Not an SDK model: the categories stay unnamed.
        }

        return null;
    }

    private static string? TryReadBody(PipelineResponse? response)
    {
        try
        {
            return response?.Content.ToString();
        }
        catch (InvalidOperationException)
        {
            return null; // the content was streamed and not buffered
        }
    }

    private static string CodeSuffix(ModelErrorBody error) => error.Code is { } code ? " " + code : string.Empty;

    private static string Trim(string message) => message.Length <= 400 ? message : message[..400] + "…";

    private sealed record Settings(string ModelSetting, string ModelNoun, string NotFoundHint, string AuthAdvice)
    {
        public static Settings For(ChatModelInfo? model) => model?.Provider switch
        {
            { } provider when provider == ModelProvider.AzureOpenAI => new Settings(
                "AzureOpenAI__Deployment",
                "deployment",
                " (a retired model version's deployment answers this too: deploy a current model and point the setting at it)",
                "Set AzureOpenAI__ApiKey to a key of this resource, or leave it unset and grant the app's identity the " +
                "'Cognitive Services OpenAI User' role on the resource; check AzureOpenAI__Endpoint names the resource."),
            { } provider when provider == ModelProvider.OpenAI => new Settings(
                "OpenAI__Model",
                "model",
                " (for a local server, a model it has pulled or loaded)",
                "Set OpenAI__ApiKey to a valid key for OpenAI__Endpoint."),
            _ => new Settings(
                "AzureOpenAI__Deployment or OpenAI__Model",
                "deployment or model",
                string.Empty,
                "Check AzureOpenAI__ApiKey or OpenAI__ApiKey (or the identity's role on the Azure OpenAI resource)."),
        };
    }
}
