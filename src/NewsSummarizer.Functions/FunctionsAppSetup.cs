using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;
using NewsSummarizer.Hosting;
using NewsSummarizer.Telemetry;

namespace NewsSummarizer.Functions;

/// <summary>Everything <c>Program.cs</c> does to the builder, in one call a test can make too, so a wiring error (a
/// service a function needs and nobody registered) fails a test instead of the first invocation in Azure.</summary>
public static class FunctionsAppSetup
{
    public static FunctionsApplicationBuilder AddNewsSummarizerFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddNewsSummarizer(builder.Configuration);
        builder.Services.AddNewsSummarizerTelemetry(builder.Configuration, otel => otel.UseFunctionsWorkerDefaults());
        return builder;
    }
}
