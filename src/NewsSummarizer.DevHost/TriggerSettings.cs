using Microsoft.Azure.WebJobs.Host;

namespace NewsSummarizer.DevHost;

/// <summary>The trigger's retry and concurrency settings, read from the repository's host.json (the one the
/// Functions app deploys) so both hosts retry alike, then from <c>AzureFunctionsJobHost__extensions__*</c> settings,
/// the same override the Functions host honours.</summary>
internal sealed class TriggerSettings(IConfiguration extensions)
{
    public static TriggerSettings Load(IConfiguration appConfiguration)
    {
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(hostJson, optional: false)
            .AddConfiguration(appConfiguration.GetSection("AzureFunctionsJobHost"))
            .Build();
        return new TriggerSettings(configuration.GetSection("extensions"));
    }

    public void ConfigureBlobs(Microsoft.Azure.WebJobs.Host.BlobsOptions options) => extensions.GetSection("blobs").Bind(options);

    /// <summary>The blob trigger's parallelism and poison threshold, for the sweep that takes what it missed.</summary>
    public void ConfigureSweep(SweepOptions options)
    {
        var blobs = new Microsoft.Azure.WebJobs.Host.BlobsOptions();
        ConfigureBlobs(blobs);
        options.Parallelism = options.Parallelism > 0 ? options.Parallelism : blobs.MaxDegreeOfParallelism;
        options.FailureLimit = options.FailureLimit > 0 ? options.FailureLimit : blobs.PoisonBlobThreshold;
    }

    public void ConfigureQueues(QueuesOptions options)
    {
        extensions.GetSection("queues").Bind(options);

        // Locally nothing pays per poll; a short interval keeps upload-to-result latency low.
        options.MaxPollingInterval = TimeSpan.FromSeconds(2);
    }
}
