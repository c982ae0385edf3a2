using System.Reflection;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Storage;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Http;

/// <summary>Health for probes and operators.</summary>
/// <remarks><c>GET /api/health</c> (anonymous) says only how each dependency is: <c>status</c> (healthy, degraded,
/// unhealthy), <c>storage</c> and <c>extractor</c> (ok, degraded, unavailable). <c>GET /api/health/details</c>
/// (function key) adds the configuration: provider, prompt version, the model as configured (endpoint host, deployment,
/// authentication; never a secret), the container, storage reachability as text, the extractor pool's state and the
/// version. Both answer 503 when storage is unreachable and <c>degraded</c> (200) when no extractor process can start
/// (plain text and JSON are still read). Neither calls the model: <c>newsum doctor</c> does.</remarks>
public sealed class HealthEndpoint(BlobServiceClient blobs, IOptions<StorageOptions> storage, ISummarizer summarizer, ModelDescription model, ExtractorPool extractors)
{
    private static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Status only, for anyone.</summary>
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        var probe = await ProbeAsync(cancellationToken).ConfigureAwait(false);
        var body = new
        {
            status = probe.Status,
            storage = probe.ContainerExists switch { true => "ok", false => "degraded", null => "unavailable" },
            extractor = probe.Extractor == ExtractorUnavailable ? "unavailable" : "ok",
        };
        return Results.Json(body, statusCode: probe.StatusCode);
    }

    /// <summary>Status and configuration, for callers with a key.</summary>
    public async Task<IResult> GetDetailsAsync(CancellationToken cancellationToken)
    {
        var probe = await ProbeAsync(cancellationToken).ConfigureAwait(false);
        var body = new
        {
            status = probe.Status,
            provider = summarizer.Provider,
            promptVersion = summarizer.PromptVersion,
            model,
            storage = probe.ContainerExists switch
            {
                true => "reachable",
                false => "reachable (container missing)",
                null => "unreachable",
            },
            container = storage.Value.ArticlesContainer,
            extractor = probe.Extractor,
            version = Version,
        };
        return Results.Json(body, statusCode: probe.StatusCode);
    }

    private const string ExtractorUnavailable = "unavailable";

    private async Task<Probe> ProbeAsync(CancellationToken cancellationToken)
    {
        bool? containerExists; // null: storage did not answer
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var exists = await blobs.GetBlobContainerClient(storage.Value.ArticlesContainer).ExistsAsync(timeout.Token).ConfigureAwait(false);
            containerExists = exists.Value;
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or OperationCanceledException or AggregateException)
        {
            containerExists = null;
        }

        var extractor = extractors.State.Status;
        var status = containerExists is null ? "unhealthy" : extractor == ExtractorUnavailable ? "degraded" : "healthy";
        return new Probe(status, containerExists, extractor, containerExists is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private sealed record Probe(string Status, bool? ContainerExists, string Extractor, int StatusCode);
}
