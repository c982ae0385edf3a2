using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsSummarizer.Storage;

namespace NewsSummarizer.Hosting;

/// <summary>The <c>AzureWebJobsStorage</c> connection the Functions host uses, shared by our own storage clients:
/// a connection string (Azurite: <c>UseDevelopmentStorage=true</c>) or identity-based
/// <c>AzureWebJobsStorage__blobServiceUri</c> (+ <c>__clientId</c> for a user-assigned identity).</summary>
internal static class StorageConnection
{
    public const string Name = "AzureWebJobsStorage";

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, Func<TokenCredential> credential)
    {
        var section = configuration.GetSection(Name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new BlobServiceClient(section.Value);
        }

        if (Uri.TryCreate(section["blobServiceUri"], UriKind.Absolute, out var blobUri))
        {
            return new BlobServiceClient(blobUri, section["clientId"] is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : credential());
        }

        throw new InvalidOperationException(MissingMessage);
    }

    /// <summary>The queue service of the same connection (<c>AzureWebJobsStorage__queueServiceUri</c> for identity-based
    /// access). Messages are Base64, the encoding the queue trigger expects by default.</summary>
    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, Func<TokenCredential> credential)
    {
        var section = configuration.GetSection(Name);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new QueueServiceClient(section.Value, options);
        }

        if (QueueServiceUri(section) is { } queueUri)
        {
            return new QueueServiceClient(queueUri, section["clientId"] is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : credential(), options);
        }

        throw new InvalidOperationException(MissingQueueMessage);
    }

    /// <summary><c>__queueServiceUri</c>, else the queue endpoint of the account <c>__blobServiceUri</c> names
    /// (<c>https://acct.blob.core.windows.net/</c> → <c>https://acct.queue.core.windows.net/</c>), so a tool given only
    /// the blob endpoint can still schedule retries.</summary>
    internal static Uri? QueueServiceUri(IConfigurationSection section)
    {
        if (Uri.TryCreate(section["queueServiceUri"], UriKind.Absolute, out var queueUri))
        {
            return queueUri;
        }

        return Uri.TryCreate(section["blobServiceUri"], UriKind.Absolute, out var blobUri) &&
            blobUri.Host.Contains(".blob.", StringComparison.OrdinalIgnoreCase)
            ? new UriBuilder(blobUri) { Host = blobUri.Host.Replace(".blob.", ".queue.", StringComparison.OrdinalIgnoreCase) }.Uri
            : null;
    }

    public const string MissingQueueMessage =
        "AzureWebJobsStorage__queueServiceUri is not set. Identity-based storage needs it for the trigger's queues and the " +
        "article-retries queue, e.g. https://<account>.queue.core.windows.net/.";

    public const string MissingMessage =
        "AzureWebJobsStorage is not set. Set it to a storage connection string (UseDevelopmentStorage=true for Azurite), " +
        "or set AzureWebJobsStorage__blobServiceUri (and AzureWebJobsStorage__queueServiceUri) for identity-based access.";

    /// <summary>Fails start-up with a clear message instead of failing the first article.</summary>
    internal sealed class Validator(IConfiguration configuration) : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var section = configuration.GetSection(Name);
            return string.IsNullOrWhiteSpace(section.Value) && !Uri.TryCreate(section["blobServiceUri"], UriKind.Absolute, out _)
                ? ValidateOptionsResult.Fail(MissingMessage)
                : ValidateOptionsResult.Success;
        }
    }
}
