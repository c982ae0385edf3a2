using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsSummarizer.IntegrationTests.Infrastructure;

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
/// JSON-schema rules. Shared with the throughput harness (bench/NewsSummarizer.Throughput).</summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const string ArabicSummary = "ناقش وزيرا الخارجية الأميركي والتركي التنسيق بشأن التوتر في أوكرانيا وأهمية الجهود الدبلوماسية.";

    public const string EnglishSummary = "The US and Turkish foreign ministers discussed coordination on the tension over Ukraine and diplomacy.";

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

    public static string ValidReply { get; } = JsonSerializer.Serialize(new
    {
        title = new { ar = "وزيرا خارجية أميركا وتركيا يبحثان أزمة أوكرانيا", en = "US and Turkish foreign ministers discuss Ukraine" },
        summary = new { ar = ArabicSummary, en = EnglishSummary },
        keyPoints = new
        {
            ar = new[] { "اتصال هاتفي بين بلينكن وتشاووش أوغلو", "بايدن يحذر من غزو روسي لأوكرانيا" },
            en = new[] { "Blinken and Cavusoglu spoke by phone", "Biden warned against a Russian invasion of Ukraine" },
        },
    });

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModelServer(app);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return server;
    }

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
        rawRequests.Enqueue(new FakeRequest(path, text));
        var n = Interlocked.Increment(ref count);
        var family = Family;
        var refusal = KeyRefusal(context) ??
            FakeModelContract.Refusal(family, body, path.Contains("deployments/", StringComparison.Ordinal), ContextWindow);
        var reply = refusal is { } refused ? new FakeReply(refused.Status, refused.Body) : Script(n);
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

/// <summary>One request as it came over the wire.</summary>
public sealed record FakeRequest(string Path, string Body);
