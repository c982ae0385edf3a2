using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using NewsSummarizer.DevHost;
using NewsSummarizer.Http;

namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>docs/openapi.yaml describes exactly the routes the DevHost maps, and the DevHost maps exactly the route table
/// the Functions app declares its triggers from (FunctionsAppTests holds the Functions app to it).
/// A line-based reading of the <c>paths</c> block is enough for the file's plain two-space YAML.</summary>
public sealed partial class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task OpenApi_DescribesEveryDevHostRouteAndNothingElse()
    {
        var mapped = await MappedRoutesAsync();

        var documented = DocumentedRoutes(await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "docs", "openapi.yaml")));

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DevHost_MapsExactlyTheRouteTable()
    {
        var mapped = await MappedRoutesAsync();

        var table = ApiRoutes.All.Select(route => $"{route.Method} {CatchAll().Replace(route.DevHostPath, "{$1}")}");

        Assert.Equal(table.Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryStatusTheApiAnswers()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "openapi.yaml"));

        foreach (var status in new[] { "200", "202", "400", "404", "413", "415", "422", "429", "502", "503" })
        {
            Assert.Contains($"\"{status}\":", text, StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> MappedRoutesAsync()
    {
        var app = DevHostApplication.Create(["--urls", "http://127.0.0.1:0"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));
        await using (app)
        {
            return ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                    .Select(method => $"{method.ToUpperInvariant()} {CatchAll().Replace(endpoint.RoutePattern.RawText!, "{$1}")}"))
                .ToList();
        }
    }

    /// <summary>"METHOD /path" for every operation under <c>paths:</c>.</summary>
    private static List<string> DocumentedRoutes(string[] lines)
    {
        var routes = new List<string>();
        var inPaths = false;
        string? path = null;
        foreach (var line in lines)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inPaths = line.TrimEnd() == "paths:";
                continue;
            }

            if (!inPaths)
            {
                continue;
            }

            if (PathLine().Match(line) is { Success: true } pathMatch)
            {
                path = pathMatch.Groups[1].Value;
            }
            else if (MethodLine().Match(line) is { Success: true } methodMatch && Methods.Contains(methodMatch.Groups[1].Value) && path is not null)
            {
                routes.Add($"{methodMatch.Groups[1].Value.ToUpperInvariant()} {path}");
            }
        }

        return routes;
    }

    [GeneratedRegex(@"\{\*{1,2}([^}]+)\}")]
    private static partial Regex CatchAll();

    [GeneratedRegex(@"^  [""']?(/[^""':]*)[""']?:\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^    ([a-z]+):\s*$")]
    private static partial Regex MethodLine();
}
