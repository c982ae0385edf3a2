using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.DevHost;

namespace NewsSummarizer.Testing;

/// <summary>The real DevHost (WebJobs blob trigger + Kestrel), run in-process on a free loopback port exactly as
/// its Program runs it, restarts included.</summary>
public sealed class DevHostRunner : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;
    private volatile WebApplication? current;

    private DevHostRunner(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>A client for the host's HTTP routes (relative URIs), disposed with the runner.</summary>
    public HttpClient Client { get; }

    /// <summary>The services of the instance running now (a restart builds new ones).</summary>
    public IServiceProvider Services => current?.Services ?? throw new InvalidOperationException("The DevHost is not running.");

    public static Task<DevHostRunner> StartAsync(
        AzuriteFixture azurite,
        string container,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        StartAsync(azurite.ConnectionString, container, settings, services);

    /// <param name="settings">Configuration on top of the storage connection and container, e.g. the model provider.</param>
    public static async Task<DevHostRunner> StartAsync(
        string storageConnectionString,
        string container,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var runner = new DevHostRunner(new Uri(url));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.running = Task.Run(() => DevHostApplication.RunAsync(
            ["--urls", url],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = storageConnectionString,
                    ["ArticlesContainer"] = container,
                    ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("NEWSUM_TEST_LOG_LEVEL") ?? "Warning",
                });
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }

                services?.Invoke(builder.Services);
            },
            app =>
            {
                runner.current = app;
                started.TrySetResult();
            },
            runner.stopping.Token));
        var first = await Task.WhenAny(started.Task, runner.running);
        await first; // surfaces a start-up failure
        if (!started.Task.IsCompleted)
        {
            throw new InvalidOperationException("The DevHost stopped before it started.");
        }

        return runner;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
        Client.Dispose();
    }
}
