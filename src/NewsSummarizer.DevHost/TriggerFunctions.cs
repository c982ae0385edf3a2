using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using NewsSummarizer.Processing;
using NewsSummarizer.Processing.Retries;

namespace NewsSummarizer.DevHost;

/// <summary>The DevHost's twins of the Functions app's triggers: polling instead of Event Grid, same processor.</summary>
public sealed class TriggerFunctions(ArticleProcessor processor, SweptVersions swept)
{
    [FunctionName("SummarizeArticle")]
    public async Task SummarizeArticle([BlobTrigger("%ArticlesContainer%/{name}")] BlobClient blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (!swept.IsEmpty && await SweptAsync(blob, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await processor.ProcessAsync(blob.Name, cancellationToken).ConfigureAwait(false);
    }

    [FunctionName("RecordPoisonArticle")]
    public Task RecordPoisonArticle([QueueTrigger(PoisonBlobMessage.QueueName)] string message, CancellationToken cancellationToken) =>
        processor.HandlePoisonMessageAsync(message, cancellationToken);

    [FunctionName("RetryArticle")]
    public Task RetryArticle([QueueTrigger(ArticleRetryQueue.Name)] string message, CancellationToken cancellationToken) =>
        processor.HandleRetryMessageAsync(message, cancellationToken);

    // The sweep ran this very version already (the polling scan came late): nothing more to do.
    private async Task<bool> SweptAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return swept.Contains(blob.Name, properties.Value.ETag.ToString());
        }
        catch (Azure.RequestFailedException)
        {
            return false; // gone, or storage trouble: the processor decides and reports it
        }
    }

    [FunctionName("RecordPoisonRetry")]
    public Task RecordPoisonRetry([QueueTrigger(ArticleRetryQueue.PoisonName)] string message, CancellationToken cancellationToken) =>
        processor.HandleRetryPoisonMessageAsync(message, cancellationToken);
}
