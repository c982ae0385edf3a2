using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsSummarizer.Hosting;

namespace NewsSummarizer.Cli;

/// <summary>The same services the hosts use, configured from the environment (Azurite on its default ports unless
/// <c>AzureWebJobsStorage</c> says otherwise).</summary>
internal static class CliHost
{
    public static ServiceProvider Create(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([
                new("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
                new("ArticlesContainer", "articles"),
            ])
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Azure.Core", LogLevel.None))
            // No HTTP handlers: the CLI reads, summarises, uploads and backfills.
            .AddNewsSummarizerStorage(configuration)
            .AddNewsSummarizerSummaries(configuration)
            .AddNewsSummarizerProcessing(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return services;
    }

    /// <summary>Runs the same start-up validation the hosts run, so a bad setting fails with its message up front.</summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        foreach (var validator in services.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }
}
