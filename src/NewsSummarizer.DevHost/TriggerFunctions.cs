using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.WebJobs;
using NewsSummarizer.Processing;
using NewsSummarizer.Processing.Retries;

namespace NewsSummarizer.DevHost;

/// <summary>The DevHost's twins of the Functions app's triggers: polling instead of Event Grid, same processor.</summary>
public sealed class TriggerFunctions(ArticleProcessor processor, SweptVersions swept)
{
    [FunctionName("SummarizeArticle")]
    public async Task SummarizeArticle(
        [BlobTrigger("%ArticlesContainer%/{name}")] BlobClient blob, BlobProperties properties, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(properties);

        // The sweep ran this very version already (the polling scan came late): nothing more to do. The version is
        // the one the trigger read when it bound this call (its binding data), so no storage call is made for it.
        if (!swept.Contains(blob.Name, ArticleVersion.FormOf(properties.ETag)))
        {
            await processor.ProcessAsync(blob.Name, cancellationToken).ConfigureAwait(false);
        }
    }

    [FunctionName("RecordPoisonArticle")]
    public Task RecordPoisonArticle([QueueTrigger(PoisonBlobMessage.QueueName)] string message, CancellationToken cancellationToken) =>
        processor.HandlePoisonMessageAsync(message, cancellationToken);

    [FunctionName("RetryArticle")]
    public Task RetryArticle([QueueTrigger(ArticleRetryQueue.Name)] string message, CancellationToken cancellationToken) =>
        processor.HandleRetryMessageAsync(message, cancellationToken);

    [FunctionName("RecordPoisonRetry")]
    public Task RecordPoisonRetry([QueueTrigger(ArticleRetryQueue.PoisonName)] string message, CancellationToken cancellationToken) =>
        processor.HandleRetryPoisonMessageAsync(message, cancellationToken);
}
