using System.Reflection;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Storage;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Http;

/// <summary><c>GET /api/health</c>: provider, the model as configured (never a secret), storage reachability, the
/// document extractors' status and version; 503 when storage is unreachable, <c>degraded</c> (200) when no extractor
/// process can start (plain text and JSON are still read). It calls no model: <c>newsum doctor</c> does.</summary>
public sealed class HealthEndpoint(BlobServiceClient blobs, IOptions<StorageOptions> storage, ISummarizer summarizer, ModelDescription model, ExtractorPool extractors)
{
    private static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
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

        var healthy = containerExists is not null;
        var extractor = extractors.State.Status;
        var body = new
        {
            status = !healthy ? "unhealthy" : extractor == "unavailable" ? "degraded" : "healthy",
            provider = summarizer.Provider,
            promptVersion = summarizer.PromptVersion,
            model,
            storage = containerExists switch
            {
                true => "reachable",
                false => "reachable (container missing)",
                null => "unreachable",
            },
            container = storage.Value.ArticlesContainer,
            extractor,
            version = Version,
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
