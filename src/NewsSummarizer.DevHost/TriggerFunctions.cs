using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using NewsSummarizer.Processing;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.DevHost;

/// <summary>The DevHost's twins of the Functions app's triggers: polling instead of Event Grid, same processor.</summary>
public sealed class TriggerFunctions(ArticleProcessor processor, SweptVersions swept, IArticleStore store)
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

    // The sweep ran this very version already (the polling scan came late): nothing more to do. A name the processor
    // would refuse is never looked up: the processor refuses it before any storage call.
    private async Task<bool> SweptAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        if (ArticleNames.Validate(blob.Name) is not null)
        {
            return false;
        }

        try
        {
            // Properties only (maxBytes 0): the version, in the store's one ETag form, as the sweep's listing has it.
            return await store.GetArticleAsync(blob.Name, maxBytes: 0, cancellationToken).ConfigureAwait(false) is { } version
                && swept.Contains(blob.Name, version.ETag);
        }
        catch (Azure.RequestFailedException)
        {
            return false; // storage trouble: the processor decides and reports it
        }
    }

    [FunctionName("RecordPoisonRetry")]
    public Task RecordPoisonRetry([QueueTrigger(ArticleRetryQueue.PoisonName)] string message, CancellationToken cancellationToken) =>
        processor.HandleRetryPoisonMessageAsync(message, cancellationToken);
}
