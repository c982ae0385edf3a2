using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using NewsSummarizer.Processing;
using NewsSummarizer.Processing.Retries;

namespace NewsSummarizer.DevHost;

/// <summary>The DevHost's twins of the Functions app's triggers: polling instead of Event Grid, same processor.</summary>
public sealed class TriggerFunctions(ArticleProcessor processor)
{
    [FunctionName("SummarizeArticle")]
    public Task SummarizeArticle([BlobTrigger("%ArticlesContainer%/{name}")] BlobClient blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return processor.ProcessAsync(blob.Name, cancellationToken);
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
