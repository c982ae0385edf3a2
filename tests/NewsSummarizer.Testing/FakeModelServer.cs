using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsSummarizer.Testing;

/// <summary>What the fake server answers to one request.</summary>
public sealed record FakeReply(int Status, string? Content = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeReply Ok(string content) => new(200, content);

    public static FakeReply Throttled(int retryAfterSeconds) =>
        new(429, null, new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}

/// <summary>An OpenAI-compatible chat-completions server on loopback (Azure OpenAI and OpenAI paths), scripted per
/// request, recording every request body and how many requests it held at once (the concurrency the model saw).
/// With a <see cref="Family"/> other than <see cref="FakeModelFamily.Lenient"/> it keeps the request contract of
/// today's models (<see cref="FakeModelContract"/>): refusals with the services' documented payloads, reasoning
/// tokens paid from the output budget, Azure's prompt and completion content filters, a context window, strict
/// JSON-schema rules. Used by the integration and browser tests and the throughput harness.</summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const string ArabicSummary = CannedReplies.ArabicSummary;

    public const string EnglishSummary = CannedReplies.EnglishSummary;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<JsonNode> requests = new();
    private readonly ConcurrentQueue<FakeRequest> rawRequests = new();
    private int count;
    private int accepted;
    private int inFlight;
    private int maxInFlight;

    private FakeModelServer(WebApplication app) => this.app = app;

    /// <summary>Decides the reply to the n-th request (1-based). Default: always a valid bilingual summary.</summary>
    public Func<int, FakeReply> Script { get; set; } = _ => FakeReply.Ok(ValidReply);

    /// <summary>When set, decides the reply from the request itself (e.g. per article) instead of <see cref="Script"/>.</summary>
    public Func<FakeRequest, FakeReply>? RequestScript { get; set; }

    /// <summary>The model behaviour to play. Default <see cref="FakeModelFamily.Lenient"/>: no request checks.</summary>
    public FakeModelFamily Family { get; set; } = FakeModelFamily.Lenient;

    /// <summary>Messages plus output budget over this many (estimated) tokens answer 400 <c>context_length_exceeded</c>.</summary>
    public int? ContextWindow { get; set; }

    /// <summary>Without <c>"strict": true</c>, every n-th accepted reply misses <c>keyPoints</c> (non-strict models
    /// return JSON that misses a field now and then). 0: never.</summary>
    public int NonStrictMissEvery { get; set; } = 20;

    /// <summary>When set, a request without this key (<c>api-key</c> header for Azure, bearer token for OpenAI) answers
    /// 401 with Azure's body (https://github.com/SciSharp/BotSharp/issues/386).</summary>
    public string? RequiredApiKey { get; set; }

    /// <summary>Every request as it came over the wire: path and exact body text.</summary>
    public IReadOnlyList<FakeRequest> RawRequests => [.. rawRequests];

    public Uri Endpoint => new(app.Urls.First());

    public int RequestCount => Volatile.Read(ref count);

    /// <summary>The most requests in progress at once since the start or <see cref="ResetCounters"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public IReadOnlyList<JsonNode> Requests => [.. requests];

    /// <summary>The canned bilingual reply (<see cref="CannedReplies.Bilingual"/>).</summary>
    public static string ValidReply => CannedReplies.Bilingual;

    public static async Task<FakeModelServer> StartAsync(FakeModelFamily family = FakeModelFamily.Lenient)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModelServer(app) { Family = family };
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Host settings for the OpenAI-compatible provider against a server at <paramref name="endpoint"/>; a
    /// fresh dictionary, for the caller to add to.</summary>
    public static Dictionary<string, string?> OpenAISettingsAt(Uri endpoint, string model = "fake-model") => new()
    {
        ["Summarizer:Provider"] = "OpenAI",
        ["OpenAI:Endpoint"] = new Uri(endpoint, "v1/").ToString(),
        ["OpenAI:Model"] = model,
    };

    /// <summary>Host settings for the OpenAI-compatible provider against this server.</summary>
    public Dictionary<string, string?> OpenAISettings(string model = "fake-model") => OpenAISettingsAt(Endpoint, model);

    /// <summary>Starts counting requests and concurrency afresh (requests in progress still count).</summary>
    public void ResetCounters()
    {
        Volatile.Write(ref maxInFlight, Volatile.Read(ref inFlight));
        Volatile.Write(ref count, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context, string path)
    {
        if (!path.EndsWith("chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var body = JsonNode.Parse(text)!;
        requests.Enqueue(body);
        var raw = new FakeRequest(path, text) { ReceivedAt = DateTimeOffset.UtcNow };
        rawRequests.Enqueue(raw);
        var n = Interlocked.Increment(ref count);
        var family = Family;
        var refusal = KeyRefusal(context) ??
            FakeModelContract.Refusal(family, body, path.Contains("deployments/", StringComparison.Ordinal), ContextWindow);
        var reply = refusal is { } refused ? new FakeReply(refused.Status, refused.Body) : RequestScript?.Invoke(raw) ?? Script(n);
        var now = Interlocked.Increment(ref inFlight);
        for (var max = Volatile.Read(ref maxInFlight); now > max; max = Volatile.Read(ref maxInFlight))
        {
            if (Interlocked.CompareExchange(ref maxInFlight, now, max) == max)
            {
                break;
            }
        }

        try
        {
            await ReplyAsync(context, body, reply, family, refusal is not null).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up waiting.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task ReplyAsync(HttpContext context, JsonNode body, FakeReply reply, FakeModelFamily family, bool refused)
    {
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (refused)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Content!).ConfigureAwait(false);
            return;
        }

        if (reply.Status != 200)
        {
            await context.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "fake", code = reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) } }).ConfigureAwait(false);
            return;
        }

        if (family == FakeModelFamily.Lenient)
        {
            await context.Response.WriteAsJsonAsync(Completion(body, reply.Content, "stop", new { prompt_tokens = 1200, completion_tokens = 300, total_tokens = 1500 }))
                .ConfigureAwait(false);
            return;
        }

        var (finishReason, visible, reasoning) = FakeModelContract.Completion(family, body);
        var content = finishReason switch
        {
            "content_filter" => string.Empty,
            "length" when visible == 0 => string.Empty,
            "length" => reply.Content?[..(reply.Content.Length / 2)], // cut mid-reply
            _ => MissFieldWhenNotStrict(body, reply.Content),
        };
        var promptTokens = FakeModelContract.EstimateTokens(FakeModelContract.MessagesText(body));
        var usage = new
        {
            prompt_tokens = promptTokens,
            completion_tokens = visible + reasoning,
            total_tokens = promptTokens + visible + reasoning,
            completion_tokens_details = new { reasoning_tokens = reasoning },
        };
        var completion = Completion(body, content, finishReason, usage);
        if (finishReason == "content_filter")
        {
            // A blocked completion: HTTP 200, finish_reason content_filter, empty content and the choice's
            // content_filter_results (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter).
            completion["choices"]![0]!["content_filter_results"] = FakeModelContract.FilterResults(violence: "medium");
        }

        await context.Response.WriteAsJsonAsync(completion).ConfigureAwait(false);
    }

    private (int Status, string Body)? KeyRefusal(HttpContext context)
    {
        if (RequiredApiKey is not { } key)
        {
            return null;
        }

        var sent = context.Request.Headers["api-key"].ToString();
        if (string.IsNullOrEmpty(sent))
        {
            sent = context.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
        }

        return sent == key
            ? null
            : (401, """{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}""");
    }

    private string? MissFieldWhenNotStrict(JsonNode body, string? content)
    {
        var n = Interlocked.Increment(ref accepted);
        if (FakeModelContract.IsStrict(body) || NonStrictMissEvery <= 0 || n % NonStrictMissEvery != 0 || content is null ||
            JsonNode.Parse(content) is not JsonObject reply)
        {
            return content;
        }

        reply.Remove("keyPoints");
        return reply.ToJsonString();
    }

    private static JsonObject Completion(JsonNode body, string? content, string finishReason, object usage) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = body["model"]?.GetValue<string>() ?? "fake-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = JsonSerializer.SerializeToNode(usage),
    };
}

/// <summary>One request as it came over the wire, and when it arrived (for timelines of attempts).</summary>
public sealed record FakeRequest(string Path, string Body)
{
    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>Which documented model behaviour <see cref="FakeModelServer"/> plays.</summary>
public enum FakeModelFamily
{
    /// <summary>No request checks: whatever <see cref="FakeModelServer.Script"/> says (the historic behaviour).</summary>
    Lenient,

    /// <summary>A classic chat model (gpt-4.1-mini): any temperature, <c>max_tokens</c> or <c>max_completion_tokens</c>;
    /// refuses <c>reasoning_effort</c>; without <c>strict</c> every 20th reply misses a field.</summary>
    Classic,

    /// <summary>A reasoning model (GPT-5 family, o-series): refuses <c>temperature</c>/<c>top_p</c> other than 1 and
    /// <c>max_tokens</c>; pays hidden reasoning out of <c>max_completion_tokens</c> by <c>reasoning_effort</c>.</summary>
    Reasoning,

    /// <summary>A retired deployment: every call answers 404 <c>DeploymentNotFound</c>.</summary>
    Retired,
}

/// <summary>The request contract of today's models as their documented error payloads show, each with its source.
/// Returns the refusal for a request the family would refuse, or how it would complete an accepted one.</summary>
public static class FakeModelContract
{
    /// <summary>Article text containing this makes Azure's prompt filter block the request (violence, high).</summary>
    public const string PromptFilterMarker = "[[fake:prompt-filter]]";

    /// <summary>Article text containing this makes Azure's completion filter block the reply (violence, medium).</summary>
    public const string CompletionFilterMarker = "[[fake:completion-filter]]";

    /// <summary>Visible tokens of a summary reply (two languages of title, summary and key points).</summary>
    public const int VisibleReplyTokens = 700;

    /// <summary>Hidden reasoning tokens a reasoning model spends per <c>reasoning_effort</c>; medium when absent
    /// (the documented default).</summary>
    public static int ReasoningTokens(string? effort) => effort switch
    {
        "minimal" => 0,
        "low" => 1_000,
        "high" => 8_000,
        _ => 3_000,
    };

    private static readonly string[] Efforts = ["minimal", "low", "medium", "high"];

    /// <summary>The refusal for this request, or <c>null</c> when the family accepts it.</summary>
    public static (int Status, string Body)? Refusal(FakeModelFamily family, JsonNode body, bool azure, int? contextWindow)
    {
        if (family == FakeModelFamily.Lenient)
        {
            return null;
        }

        if (family == FakeModelFamily.Retired)
        {
            // Azure: https://github.com/Azure-Samples/azure-search-openai-demo-csharp/issues/379 (404, DeploymentNotFound);
            // OpenAI: 404 model_not_found, https://platform.openai.com/docs/guides/error-codes
            return azure
                ? (404, Error(
                    "DeploymentNotFound",
                    "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.",
                    null,
                    null))
                : (404, Error(
                    "model_not_found",
                    $"The model `{body["model"]?.GetValue<string>()}` does not exist or you do not have access to it.",
                    "invalid_request_error",
                    null));
        }

        if (family == FakeModelFamily.Reasoning)
        {
            foreach (var sampling in new[] { "temperature", "top_p" })
            {
                if (body[sampling] is JsonValue value && value.GetValue<double>() != 1.0)
                {
                    // https://github.com/gabrii/Cursor-Azure-GPT-5/issues/33, https://github.com/holoviz/lumen/pull/1087
                    return (400, Error(
                        "unsupported_value",
                        string.Create(CultureInfo.InvariantCulture, $"Unsupported value: '{sampling}' does not support {value.GetValue<double>()} with this model. Only the default (1) value is supported."),
                        "invalid_request_error",
                        sampling));
                }
            }

            if (body["max_tokens"] is not null)
            {
                // https://github.com/griptape-ai/ComfyUI-Griptape/issues/312
                return (400, Error(
                    "unsupported_parameter",
                    "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
                    "invalid_request_error",
                    "max_tokens"));
            }

            if (body["reasoning_effort"]?.GetValue<string>() is { } effort && !Efforts.Contains(effort))
            {
                return (400, Error(
                    "invalid_value",
                    $"Invalid value: '{effort}'. Supported values are: 'minimal', 'low', 'medium', and 'high'.",
                    "invalid_request_error",
                    "reasoning_effort"));
            }
        }
        else if (body["reasoning_effort"] is not null)
        {
            // The same unsupported_parameter shape the API gives for any parameter a model does not take.
            return (400, Error(
                "unsupported_parameter",
                "Unsupported parameter: 'reasoning_effort' is not supported with this model.",
                "invalid_request_error",
                "reasoning_effort"));
        }

        if (StrictSchemaProblem(body) is { } schemaProblem)
        {
            // https://github.com/moeru-ai/xsai/issues/145 (OpenAI), https://github.com/Part-DB/Part-DB-server/pull/1540 (Azure)
            return (400, Error("invalid_json_schema", schemaProblem, "invalid_request_error", "response_format"));
        }

        var text = MessagesText(body);
        if (contextWindow is { } window && EstimateTokens(text) + OutputBudget(body) > window)
        {
            // https://github.com/Chanzhaoyu/chatgpt-web/issues/354 (messages plus completion over the window)
            return (400, Error(
                "context_length_exceeded",
                string.Create(CultureInfo.InvariantCulture, $"This model's maximum context length is {window} tokens. However, you requested {EstimateTokens(text) + OutputBudget(body)} tokens ({EstimateTokens(text)} in the messages, {OutputBudget(body)} in the completion). Please reduce the length of the messages or completion."),
                "invalid_request_error",
                "messages"));
        }

        if (text.Contains(PromptFilterMarker, StringComparison.Ordinal))
        {
            // https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter (prompt annotations)
            return (400, PromptFilteredBody);
        }

        return null;
    }

    /// <summary>Azure's HTTP 400 for a prompt its content filter blocks.</summary>
    public static string PromptFilteredBody { get; } = new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
            ["type"] = null,
            ["param"] = "prompt",
            ["code"] = "content_filter",
            ["status"] = 400,
            ["innererror"] = new JsonObject
            {
                ["code"] = "ResponsibleAIPolicyViolation",
                ["content_filter_result"] = FilterResults(violence: "high"),
            },
        },
    }.ToJsonString();

    /// <summary>Per-category filter results; the named category is filtered at that severity, the others safe.</summary>
    public static JsonObject FilterResults(string violence) => new()
    {
        ["hate"] = new JsonObject { ["filtered"] = false, ["severity"] = "safe" },
        ["self_harm"] = new JsonObject { ["filtered"] = false, ["severity"] = "safe" },
        ["sexual"] = new JsonObject { ["filtered"] = false, ["severity"] = "safe" },
        ["violence"] = new JsonObject { ["filtered"] = true, ["severity"] = violence },
    };

    /// <summary>How an accepted request completes: the finish reason, visible and reasoning tokens.</summary>
    public static (string FinishReason, int Visible, int Reasoning) Completion(FakeModelFamily family, JsonNode body)
    {
        if (MessagesText(body).Contains(CompletionFilterMarker, StringComparison.Ordinal))
        {
            return ("content_filter", 0, 0);
        }

        if (family != FakeModelFamily.Reasoning)
        {
            return ("stop", VisibleReplyTokens, 0);
        }

        var budget = OutputBudget(body);
        var reasoning = ReasoningTokens(body["reasoning_effort"]?.GetValue<string>());
        if (reasoning >= budget)
        {
            // The budget ran out while reasoning: finish_reason length and empty content.
            return ("length", 0, budget);
        }

        return reasoning + VisibleReplyTokens > budget ? ("length", budget - reasoning, reasoning) : ("stop", VisibleReplyTokens, reasoning);
    }

    /// <summary>Whether the request asked for strict structured output.</summary>
    public static bool IsStrict(JsonNode body) => body["response_format"]?["json_schema"]?["strict"]?.GetValue<bool>() == true;

    public static string MessagesText(JsonNode body)
    {
        var builder = new StringBuilder();
        foreach (var message in body["messages"]?.AsArray() ?? [])
        {
            var content = message?["content"];
            if (content is JsonValue)
            {
                builder.Append(content.GetValue<string>()).Append('\n');
            }
            else if (content is JsonArray parts)
            {
                foreach (var part in parts)
                {
                    builder.Append(part?["text"]?.GetValue<string>()).Append('\n');
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>A rough token estimate (UTF-8 bytes / 4): enough to put a context window somewhere.</summary>
    public static int EstimateTokens(string text) => Encoding.UTF8.GetByteCount(text) / 4;

    private static int OutputBudget(JsonNode body) =>
        body["max_completion_tokens"]?.GetValue<int>() ?? body["max_tokens"]?.GetValue<int>() ?? 16_384;

    /// <summary>The strict structured-output rules (https://platform.openai.com/docs/guides/structured-outputs,
    /// "Supported schemas"): every object sets additionalProperties false and lists every property as required;
    /// keywords such as default are refused. The message mimics the API's "In context=(...)" wording.</summary>
    private static string? StrictSchemaProblem(JsonNode body)
    {
        var format = body["response_format"];
        if (format?["type"]?.GetValue<string>() != "json_schema" || !IsStrict(body))
        {
            return null;
        }

        var name = format["json_schema"]?["name"]?.GetValue<string>() ?? "schema";
        var schema = format["json_schema"]?["schema"];
        return schema is null ? $"Invalid schema for response_format '{name}': schema must be a JSON Schema of 'type: \"object\"'." : Check(schema, [], name);
    }

    private static string? Check(JsonNode node, List<string> path, string name)
    {
        if (node is JsonObject obj)
        {
            string Context() => "(" + string.Join(", ", path.Select(p => $"'{p}'")) + ")";
            foreach (var refused in new[] { "default", "patternProperties", "unevaluatedProperties", "if", "then", "else" })
            {
                if (obj.ContainsKey(refused))
                {
                    return $"Invalid schema for response_format '{name}': In context={Context()}, '{refused}' is not permitted.";
                }
            }

            if (obj["type"] is JsonValue type && type.GetValue<string>() == "object")
            {
                if (obj["additionalProperties"] is not JsonValue additional || additional.GetValue<bool>())
                {
                    return $"Invalid schema for response_format '{name}': In context={Context()}, 'additionalProperties' is required to be supplied and to be false.";
                }

                var properties = (obj["properties"] as JsonObject)?.Select(p => p.Key).ToHashSet() ?? [];
                var required = (obj["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).ToHashSet() ?? [];
                if (!properties.SetEquals(required!))
                {
                    return $"Invalid schema for response_format '{name}': In context={Context()}, 'required' is required to be supplied and to be an array including every key in properties.";
                }
            }

            foreach (var (key, child) in obj)
            {
                if (child is not null && Check(child, [.. path, key], name) is { } problem)
                {
                    return problem;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } item && Check(item, [.. path, i.ToString(CultureInfo.InvariantCulture)], name) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static string Error(string code, string message, string? type, string? param) => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = param, ["code"] = code },
    }.ToJsonString();
}
