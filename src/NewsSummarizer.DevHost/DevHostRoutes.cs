using NewsSummarizer.Http;

namespace NewsSummarizer.DevHost;

/// <summary>The Functions app's HTTP routes, mapped onto Kestrel with the same handlers.</summary>
internal static class DevHostRoutes
{
    public static void MapDevHostRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", (HealthReport health, CancellationToken cancellationToken) => health.GetAsync(cancellationToken));
    }
}
