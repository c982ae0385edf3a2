using NewsSummarizer.Http;

namespace NewsSummarizer.DevHost;

/// <summary>The Functions app's HTTP routes, mapped onto Kestrel with the same handlers.</summary>
/// <remarks>Kestrel listens on loopback only, so there are no function keys here. Paths come from <see
/// cref="ApiRoutes"/>, the one route table that the Functions app and docs/openapi.yaml are held to as well (tests
/// check all three). The reading page is <c>/</c> here and <c>/api/ui</c> in the Functions app (whose host keeps
/// <c>/</c>); both load <c>page.css</c> and <c>page.js</c> relative to themselves.</remarks>
internal static class DevHostRoutes
{
    public static void MapDevHostRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ApiRoutes.Page.DevHostPath, (HttpRequest request, PageFiles page) => page.Get(PageFiles.IndexFile, request));
        routes.MapGet(ApiRoutes.PageStyle.DevHostPath, (HttpRequest request, PageFiles page) => page.Get(PageFiles.StyleFile, request));
        routes.MapGet(ApiRoutes.PageScript.DevHostPath, (HttpRequest request, PageFiles page) => page.Get(PageFiles.ScriptFile, request));
        routes.MapGet(ApiRoutes.Health.DevHostPath, (HealthEndpoint health, CancellationToken cancellationToken) => health.GetAsync(cancellationToken));
        routes.MapGet(ApiRoutes.HealthDetails.DevHostPath, (HealthEndpoint health, CancellationToken cancellationToken) => health.GetDetailsAsync(cancellationToken));
        routes.MapGet(ApiRoutes.ListArticles.DevHostPath, (string? prefix, string? continuation, string? pageSize, ArticlesApi articles, CancellationToken cancellationToken) =>
            articles.ListAsync(prefix, continuation, pageSize, cancellationToken));
        routes.MapPost(ApiRoutes.CreateSummary.DevHostPath, (HttpRequest request, SummariesApi summaries, CancellationToken cancellationToken) =>
            summaries.SummarizeAsync(request, cancellationToken));
        routes.MapGet(ApiRoutes.GetSummary.DevHostPath, (string? name, SummariesApi summaries, CancellationToken cancellationToken) =>
            summaries.GetAsync(name, cancellationToken));
    }

    /// <summary>Refuses with 403 a request whose <c>Origin</c> is not the DevHost's own. Any web page the developer
    /// opens can send requests to loopback: a <c>text/plain</c> POST needs no CORS preflight, so without this rule
    /// it would spend the developer's model quota. Browsers send <c>Origin</c> on every cross-origin request and on
    /// same-origin POSTs (the reading page's own POST carries the DevHost's origin); curl, the CLI and top-level
    /// navigations send none and pass. Host filtering has already limited the Host to loopback names, so "own"
    /// means the scheme, host and port the request was sent to.</summary>
    public static IApplicationBuilder UseOwnOriginOnly(this IApplicationBuilder app) =>
        app.Use((context, next) => IsForeignOrigin(context.Request)
            ? ApiResult.Problem(
                StatusCodes.Status403Forbidden,
                "foreign-origin",
                $"The DevHost answers only its own pages and clients that send no Origin; this request came from " +
                $"'{context.Request.Headers.Origin}'.").ExecuteAsync(context)
            : next(context));

    internal static bool IsForeignOrigin(HttpRequest request)
    {
        var origins = request.Headers.Origin;
        if (origins.Count == 0)
        {
            return false;
        }

        // "null" (sandboxed frames, file: pages) and anything else that is not one absolute origin is foreign.
        if (origins.Count > 1 || !Uri.TryCreate(origins[0], UriKind.Absolute, out var origin) || origin.PathAndQuery != "/")
        {
            return true;
        }

        var ownPort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return !string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(origin.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            || origin.Port != ownPort;
    }
}
