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
/// Shared with the throughput harness (bench/NewsSummarizer.Throughput).</summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const string ArabicSummary = "ناقش وزيرا الخارجية الأميركي والتركي التنسيق بشأن التوتر في أوكرانيا وأهمية الجهود الدبلوماسية.";

    public const string EnglishSummary = "The US and Turkish foreign ministers discussed coordination on the tension over Ukraine and diplomacy.";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<JsonNode> requests = new();
    private int count;
    private int inFlight;
    private int maxInFlight;

    private FakeModelServer(WebApplication app) => this.app = app;

    /// <summary>Decides the reply to the n-th request (1-based). Default: always a valid bilingual summary.</summary>
    public Func<int, FakeReply> Script { get; set; } = _ => FakeReply.Ok(ValidReply);

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

        var body = await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false);
        requests.Enqueue(body!);
        var reply = Script(Interlocked.Increment(ref count));
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
            await ReplyAsync(context, body, reply).ConfigureAwait(false);
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

    private static async Task ReplyAsync(HttpContext context, JsonNode? body, FakeReply reply)
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

        if (reply.Status != 200)
        {
            await context.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "fake", code = reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) } }).ConfigureAwait(false);
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = body?["model"]?.GetValue<string>() ?? "fake-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 1200, completion_tokens = 300, total_tokens = 1500 },
        }).ConfigureAwait(false);
    }
}
