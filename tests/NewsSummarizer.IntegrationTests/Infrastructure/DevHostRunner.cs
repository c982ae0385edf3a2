using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.DevHost;

namespace NewsSummarizer.IntegrationTests.Infrastructure;

/// <summary>The real DevHost (WebJobs blob trigger + Kestrel) started in-process on a free loopback port.</summary>
public sealed class DevHostRunner : IAsyncDisposable
{
    private readonly WebApplication app;

    private DevHostRunner(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="settings">Configuration on top of the storage connection and container, e.g. the model provider.</param>
    public static async Task<DevHostRunner> StartAsync(
        AzuriteFixture azurite,
        string container,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var app = DevHostApplication.Create(["--urls", url], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["ArticlesContainer"] = container,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new DevHostRunner(app, new Uri(url));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
