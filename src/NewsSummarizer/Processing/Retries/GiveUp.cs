namespace NewsSummarizer.Processing.Retries;

/// <summary>The deferral budget is spent: <see cref="Reason"/> (with the history) goes into the final result.</summary>
public sealed record GiveUp(string Reason) : RetryDecision;
