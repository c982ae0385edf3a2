namespace NewsSummarizer.Processing.Retries;

/// <summary>Schedule <see cref="Message"/> to become visible after <see cref="Delay"/>.</summary>
public sealed record ScheduleRetry(RetryMessage Message, TimeSpan Delay) : RetryDecision;
