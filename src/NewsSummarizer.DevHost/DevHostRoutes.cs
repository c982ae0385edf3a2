using NewsSummarizer.Http;

namespace NewsSummarizer.DevHost;

/// <summary>The Functions app's HTTP routes, mapped onto Kestrel with the same handlers. Kestrel listens on loopback
/// only, so there are no function keys here. openapi.yaml describes exactly these routes (a test checks it).</summary>
internal static class DevHostRoutes
{
    public static void MapDevHostRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", (HealthReport health, CancellationToken cancellationToken) => health.GetAsync(cancellationToken));
        routes.MapPost("/api/summaries", (HttpRequest request, SummariesApi summaries, CancellationToken cancellationToken) =>
            summaries.SummarizeAsync(request, cancellationToken));
        routes.MapGet("/api/summaries/{*name}", (string? name, SummariesApi summaries, CancellationToken cancellationToken) =>
            summaries.GetAsync(name, cancellationToken));
    }
}
