using NewsSummarizer.Http;

namespace NewsSummarizer.DevHost;

/// <summary>The Functions app's HTTP routes, mapped onto Kestrel with the same handlers. Kestrel listens on loopback
/// only, so there are no function keys here. Paths come from <see cref="ApiRoutes"/>, the one route table that the
/// Functions app and docs/openapi.yaml are held to as well (tests check all three).
/// The reading page is <c>/</c> here and <c>/api/ui</c> in the Functions app (whose host keeps <c>/</c>); both load
/// <c>page.css</c> and <c>page.js</c> relative to themselves.</summary>
internal static class DevHostRoutes
{
    public static void MapDevHostRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ApiRoutes.Page.DevHostPath, (HttpRequest request, PageFiles page) => page.Get(PageFiles.IndexFile, request));
        routes.MapGet(ApiRoutes.PageStyle.DevHostPath, (HttpRequest request, PageFiles page) => page.Get(PageFiles.StyleFile, request));
        routes.MapGet(ApiRoutes.PageScript.DevHostPath, (HttpRequest request, PageFiles page) => page.Get(PageFiles.ScriptFile, request));
        routes.MapGet(ApiRoutes.Health.DevHostPath, (HealthReport health, CancellationToken cancellationToken) => health.GetAsync(cancellationToken));
        routes.MapGet(ApiRoutes.ListArticles.DevHostPath, (string? prefix, string? continuation, string? pageSize, ArticlesApi articles, CancellationToken cancellationToken) =>
            articles.ListAsync(prefix, continuation, pageSize, cancellationToken));
        routes.MapPost(ApiRoutes.CreateSummary.DevHostPath, (HttpRequest request, SummariesApi summaries, CancellationToken cancellationToken) =>
            summaries.SummarizeAsync(request, cancellationToken));
        routes.MapGet(ApiRoutes.GetSummary.DevHostPath, (string? name, SummariesApi summaries, CancellationToken cancellationToken) =>
            summaries.GetAsync(name, cancellationToken));
    }
}
