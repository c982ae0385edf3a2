using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsSummarizer.Hosting;
using NewsSummarizer.Telemetry;

namespace NewsSummarizer.DevHost;

/// <summary>A local stand-in for the Functions host: the WebJobs SDK blob trigger (polling, the engine the Functions
/// host runs) and Kestrel on loopback for the same HTTP routes, over the same core as the Functions app.</summary>
public static class DevHostApplication
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Runs the DevHost until <paramref name="cancellationToken"/> fires or the app is stopped, building it
    /// afresh whenever the trigger host fails (see <see cref="RestartingExceptionHandler"/>).</summary>
    /// <param name="started">Called with each started instance (tests use it to reach the current services).</param>
    public static async Task RunAsync(
        string[] args,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? started = null,
        CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var restart = new RestartRequest();
            var app = Create(args, builder =>
            {
                builder.Services.AddSingleton(restart);
                configure?.Invoke(builder);
            });
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                started?.Invoke(app);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!restart.Requested || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <param name="args">Command-line configuration, e.g. <c>--urls http://127.0.0.1:7072</c>.</param>
    /// <param name="configure">Lets tests add configuration or replace services before the app is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Local defaults: loopback only, Azurite on its default ports, the contract's container name.
        var configuration = builder.Configuration;
        var storageConfigured = configuration["AzureWebJobsStorage"] is not null || configuration["AzureWebJobsStorage:blobServiceUri"] is not null;
        configuration.AddInMemoryCollection([
            new(WebHostDefaults.ServerUrlsKey, configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrl),
            new("ArticlesContainer", configuration["ArticlesContainer"] ?? "articles"),
            new("AzureWebJobsStorage", storageConfigured ? configuration["AzureWebJobsStorage"] : "UseDevelopmentStorage=true"),
        ]);
        builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
        builder.Logging.AddFilter("Azure.Messaging", LogLevel.Error);
        configure?.Invoke(builder);
        LoopbackUrls.Ensure(builder.Configuration);
        // Loopback names only, whatever AllowedHosts says: a page whose DNS name rebinds to 127.0.0.1 gets a 400.
        // (The host's PostConfigure fills AllowedHosts from configuration only when it is still empty.)
        builder.Services.Configure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = [.. LoopbackUrls.HostNames];
            options.AllowEmptyHosts = false;
        });

        builder.Services.AddNewsSummarizer(builder.Configuration);
        builder.Services.AddNewsSummarizerTelemetry(builder.Configuration);
        builder.Services.AddHostedService<ContainerInitializer>();
        var triggerSettings = TriggerSettings.Load(builder.Configuration);
        builder.Services.AddOptions<SweepOptions>().Bind(builder.Configuration.GetSection("DevHost")).PostConfigure(triggerSettings.ConfigureSweep);
        builder.Services.AddSingleton<SweptVersions>();
        builder.Services.AddHostedService<MissedArticleSweep>();
        builder.Services.AddSingleton<ITypeLocator>(new DevHostTypeLocator());
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageBlobs(triggerSettings.ConfigureBlobs);
            webJobs.AddAzureStorageQueues(triggerSettings.ConfigureQueues);
        });
        builder.Services.TryAddSingleton<RestartRequest>();
        builder.Services.AddSingleton<IWebJobsExceptionHandler, RestartingExceptionHandler>();

        var app = builder.Build();
        app.UseOwnOriginOnly();
        app.MapDevHostRoutes();
        return app;
    }

    private sealed class DevHostTypeLocator : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => [typeof(TriggerFunctions)];
    }
}
