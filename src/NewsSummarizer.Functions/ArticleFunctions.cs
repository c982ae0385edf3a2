using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using NewsSummarizer.Processing;

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
}
