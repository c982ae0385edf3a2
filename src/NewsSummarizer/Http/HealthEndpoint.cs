using System.Reflection;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsSummarizer.Storage;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Http;

/// <summary><c>GET /api/health</c>: provider, the model as configured (never a secret), storage reachability and
/// version; 503 when storage is unreachable. It calls no model: <c>newsum doctor</c> does.</summary>
public sealed class HealthEndpoint(BlobServiceClient blobs, IOptions<StorageOptions> storage, ISummarizer summarizer, ModelDescription model)
{
    private static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        string storageStatus;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var exists = await blobs.GetBlobContainerClient(storage.Value.ArticlesContainer).ExistsAsync(timeout.Token).ConfigureAwait(false);
            storageStatus = exists.Value ? "reachable" : "reachable (container missing)";
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or OperationCanceledException or AggregateException)
        {
            storageStatus = "unreachable";
        }

        var healthy = storageStatus != "unreachable";
        var body = new
        {
            status = healthy ? "healthy" : "unhealthy",
            provider = summarizer.Provider,
            promptVersion = summarizer.PromptVersion,
            model,
            storage = storageStatus,
            container = storage.Value.ArticlesContainer,
            version = Version,
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
