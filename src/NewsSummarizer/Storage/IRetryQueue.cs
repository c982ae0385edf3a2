namespace NewsSummarizer.Storage;

/// <summary>The service's own retry queue: a message sent now becomes visible to the queue trigger after a delay.</summary>
public interface IRetryQueue
{
    Task ScheduleAsync(string message, TimeSpan delay, CancellationToken cancellationToken);
}
