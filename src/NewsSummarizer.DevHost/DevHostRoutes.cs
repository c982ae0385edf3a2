using NewsSummarizer.Http;

namespace NewsSummarizer.DevHost;

/// <summary>The Functions app's HTTP routes, mapped onto Kestrel with the same handlers. Kestrel listens on loopback
/// only, so there are no function keys here. openapi.yaml describes exactly these routes (a test checks it).
/// The reading page is <c>/</c> here and <c>/api/ui</c> in the Functions app (whose host keeps <c>/</c>); both load
/// <c>page.css</c> and <c>page.js</c> relative to themselves.</summary>
internal static class DevHostRoutes
{
    public static void MapDevHostRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpRequest request, PageFiles page) => page.Get(PageFiles.IndexFile, request));
        routes.MapGet("/page.css", (HttpRequest request, PageFiles page) => page.Get(PageFiles.StyleFile, request));
        routes.MapGet("/page.js", (HttpRequest request, PageFiles page) => page.Get(PageFiles.ScriptFile, request));
        routes.MapGet("/api/health", (HealthReport health, CancellationToken cancellationToken) => health.GetAsync(cancellationToken));
        routes.MapGet("/api/articles", (string? prefix, string? continuation, string? pageSize, ArticlesApi articles, CancellationToken cancellationToken) =>
            articles.ListAsync(prefix, continuation, pageSize, cancellationToken));
        routes.MapPost("/api/summaries", (HttpRequest request, SummariesApi summaries, CancellationToken cancellationToken) =>
            summaries.SummarizeAsync(request, cancellationToken));
        routes.MapGet("/api/summaries/{*name}", (string? name, SummariesApi summaries, CancellationToken cancellationToken) =>
            summaries.GetAsync(name, cancellationToken));
    }
}
