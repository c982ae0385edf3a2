using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsSummarizer.Functions;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Hosting;

/// <summary>The Functions app as Azure would start it: the services its Program.cs registers, and the HTTP triggers
/// it declares, held to the one route table the DevHost and docs/openapi.yaml follow too.</summary>
public sealed class FunctionsAppTests
{
    private static readonly Assembly FunctionsAssembly = typeof(FunctionsAppSetup).Assembly;

    [Fact]
    public void HttpTriggers_AsDeclared_MatchTheRouteTable()
    {
        var declared = FunctionsAssembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(method => (Function: method.GetCustomAttribute<FunctionAttribute>(), Trigger: HttpTrigger(method)))
            .Where(pair => pair.Function is not null && pair.Trigger is not null)
            .Select(pair => new ApiRoute(
                pair.Function!.Name,
                pair.Trigger!.Methods!.Single().ToUpperInvariant(),
                pair.Trigger.Route!,
                pair.Trigger.AuthLevel == AuthorizationLevel.Anonymous ? ApiAccess.Anonymous : ApiAccess.FunctionKey,
                DevHostPath: string.Empty))
            .OrderBy(route => route.Function, StringComparer.Ordinal)
            .ToList();

        var expected = ApiRoutes.All
            .Select(route => route with { DevHostPath = string.Empty })
            .OrderBy(route => route.Function, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, declared);
    }

    [Fact]
    public void RouteTable_EveryRoute_IsUniqueInBothHosts()
    {
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(route => route.Function).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(route => $"{route.Method} {route.Route}").Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(route => $"{route.Method} {route.DevHostPath}").Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AddNewsSummarizerFunctions_BuiltAsProgramDoes_ValidatesOptionsAndCreatesEveryFunctionClass()
    {
        using var host = CreateHost();

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var functionClasses = FunctionClasses();
        Assert.NotEmpty(functionClasses);
        foreach (var type in functionClasses)
        {
            // The worker's default activator builds function classes this way, from the app's container.
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
        }
    }

    [Fact]
    public void AddNewsSummarizerFunctions_ModelProviderWithoutItsSettings_FailsValidationNamingTheSetting()
    {
        using var host = CreateHost(new Dictionary<string, string?> { ["Summarizer:Provider"] = "AzureOpenAI" });

        // The start-up validator gathers every failing options class into one AggregateException.
        var exception = Assert.ThrowsAny<Exception>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        var failures = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        Assert.Contains(failures.OfType<OptionsValidationException>(), failure =>
            failure.Message.Contains("AzureOpenAI__Endpoint", StringComparison.Ordinal));
    }

    private static IHost CreateHost(Dictionary<string, string?>? settings = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["ArticlesContainer"] = "articles",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddNewsSummarizerFunctions();
        return builder.Build();
    }

    private static List<Type> FunctionClasses() => FunctionsAssembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } &&
            type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
        .ToList();

    private static HttpTriggerAttribute? HttpTrigger(MethodInfo method) => method.GetParameters()
        .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
        .FirstOrDefault(attribute => attribute is not null);
}
