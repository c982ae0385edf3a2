using Azure.Storage.Queues;

namespace NewsSummarizer.Storage;

/// <summary><see cref="IRetryQueue"/> on Azure Queue Storage. Messages are Base64, as the queue trigger of both
/// hosts expects by default. The queue is created on first use.</summary>
internal sealed class StorageRetryQueue(QueueClient queue) : IRetryQueue
{
    private volatile bool created;

    public async Task ScheduleAsync(string message, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (!created)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            created = true;
        }

        // A message lives until it is taken: the default time-to-live (7 days) is as long as the longest wait.
        await queue.SendMessageAsync(message, visibilityTimeout: delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }
}
