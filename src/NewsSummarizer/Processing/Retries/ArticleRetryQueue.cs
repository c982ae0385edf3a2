namespace NewsSummarizer.Processing.Retries;

/// <summary>The retry queue. A constant, not a setting: both hosts' queue triggers name it in an attribute, and the
/// Functions app must listen where the core writes.</summary>
public static class ArticleRetryQueue
{
    public const string Name = "article-retries";

    /// <summary>Where the queue trigger moves a message that failed <c>maxDequeueCount</c> times (host.json).</summary>
    public const string PoisonName = Name + "-poison";
}
