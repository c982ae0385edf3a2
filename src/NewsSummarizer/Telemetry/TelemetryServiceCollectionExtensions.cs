using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsSummarizer.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>OpenTelemetry for the pipeline's traces and metrics: to Application Insights when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (keyless with Entra ID when
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> asks for it), to the console when <c>Telemetry__Console</c> is true.</summary>
    /// <param name="hostDefaults">Host-specific instrumentation, e.g. the Functions worker's defaults.</param>
    public static IOpenTelemetryBuilder AddNewsSummarizerTelemetry(
        this IServiceCollection services, IConfiguration configuration, Action<IOpenTelemetryBuilder>? hostDefaults = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOpenTelemetry();
        hostDefaults?.Invoke(builder);
        builder.WithTracing(tracing => tracing.AddSource(SummarizerTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(SummarizerTelemetry.Name));

        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            var entraId = configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true;
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
                if (entraId)
                {
                    options.Credential = new DefaultAzureCredential();
                }
            });
        }

        if (configuration.GetValue<bool>("Telemetry:Console"))
        {
            builder.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        return builder;
    }
}
