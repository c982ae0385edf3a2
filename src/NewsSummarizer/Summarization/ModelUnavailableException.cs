using NewsSummarizer.Summaries;

namespace NewsSummarizer.Summarization;

/// <summary>The model could not be reached, throttled or timed out after the whole retry budget (as
/// <see cref="ModelFailureClassifier"/> decides). Retrying later can succeed: the processor schedules the article on
/// its retry queue (<see cref="RetryAfter"/> when the model gave one), the HTTP API answers 429 or 503 with it.</summary>
public sealed class ModelUnavailableException : Exception
{
    public ModelUnavailableException()
        : this("The model is unavailable.")
    {
    }

    public ModelUnavailableException(string message)
        : base(message)
    {
    }

    public ModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelUnavailableException(string message, bool throttled, TimeSpan? retryAfter, Exception innerException)
        : base(message, innerException)
    {
        Throttled = throttled;
        RetryAfter = retryAfter;
    }

    /// <summary>The model answered 429: the deployment's quota or rate limit is spent.</summary>
    public bool Throttled { get; }

    /// <summary>How long the model asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>This failure as the API and a <c>waiting</c> result name it (<see cref="Disposition.Transient"/>).</summary>
    public Failure Failure => new(Throttled ? ModelErrorCodes.Throttled : ModelErrorCodes.Unavailable, Disposition.Transient, Message);
}
