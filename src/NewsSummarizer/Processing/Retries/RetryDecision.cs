namespace NewsSummarizer.Processing.Retries;

/// <summary>What to do with an article version whose model call failed transiently.</summary>
public abstract record RetryDecision;
