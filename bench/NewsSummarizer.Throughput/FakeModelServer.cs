using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NewsSummarizer.Benchmarks.Shared;

namespace NewsSummarizer.Throughput;

/// <summary>An OpenAI-compatible chat-completions endpoint on loopback that answers every request with a valid
/// bilingual reply after a fixed latency, and counts the requests in flight (the concurrency the model really saw).</summary>
internal sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeSpan latency;
    private int inFlight;
    private int maxInFlight;
    private int requests;

    private FakeModelServer(WebApplication app, TimeSpan latency)
    {
        this.app = app;
        this.latency = latency;
    }

    public Uri Endpoint => new(app.Urls.First() + "/v1");

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public int Requests => Volatile.Read(ref requests);

    public static async Task<FakeModelServer> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{LocalAzurite.FreePort()}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModelServer(app, latency);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return server;
    }

    public void ResetCounters()
    {
        Volatile.Write(ref maxInFlight, Volatile.Read(ref inFlight));
        Volatile.Write(ref requests, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context, string path)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false);
        Interlocked.Increment(ref requests);
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
            await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-fake",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = body?["model"]?.GetValue<string>() ?? "fake-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = InstantChatClient.ValidReply }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1200, completion_tokens = 300, total_tokens = 1500 },
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
