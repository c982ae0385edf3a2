using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using NewsSummarizer.Processing;
using NewsSummarizer.Processing.Retries;

namespace NewsSummarizer.Functions;

/// <summary>The blob path. Functions only bind and delegate; <see cref="ArticleProcessor"/> decides everything.</summary>
public sealed class ArticleFunctions(ArticleProcessor processor)
{
    /// <summary>Event Grid delivers BlobCreated for <c>articles/</c>; the subscription filters out <c>*.summary.json</c>
    /// and the processor skips them too.</summary>
    [Function("SummarizeArticle")]
    public Task SummarizeArticle(
        [BlobTrigger("%ArticlesContainer%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return processor.ProcessAsync(blob.Name, cancellationToken);
    }

    /// <summary>When the trigger gives up on a blob, a <c>failed</c> result beside it says why.</summary>
    [Function("RecordPoisonArticle")]
    public Task RecordPoisonArticle(
        [QueueTrigger(PoisonBlobMessage.QueueName, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        processor.HandlePoisonMessageAsync(message, cancellationToken);

    /// <summary>An article whose model call failed transiently comes back here when its scheduled attempt is due
    /// (the message became visible). host.json's <c>extensions.queues</c> settings apply to this trigger.</summary>
    [Function("RetryArticle")]
    public Task RetryArticle(
        [QueueTrigger(ArticleRetryQueue.Name, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        processor.HandleRetryMessageAsync(message, cancellationToken);

    /// <summary>A scheduled attempt that kept throwing (host.json <c>maxDequeueCount</c>) gets a <c>failed</c> result.</summary>
    [Function("RecordPoisonRetry")]
    public Task RecordPoisonRetry(
        [QueueTrigger(ArticleRetryQueue.PoisonName, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        processor.HandleRetryPoisonMessageAsync(message, cancellationToken);
}
