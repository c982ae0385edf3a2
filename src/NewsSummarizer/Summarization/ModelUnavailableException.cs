using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsSummarizer.Summarization;

/// <summary>The model could not be reached, throttled or timed out after the whole retry budget. Retrying later
/// can succeed: the blob trigger retries the article, the HTTP API answers 429 or 503 with <see cref="RetryAfter"/>.</summary>
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

    /// <summary>Recognises the failures of the model transport that a later retry can cure.</summary>
    public static ModelUnavailableException? From(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case ClientResultException result when result.Status is 0 or 408 or 429 or >= 500:
                    var throttled = result.Status == (int)HttpStatusCode.TooManyRequests;
                    return new ModelUnavailableException(
                        throttled ? "The model is throttling requests (HTTP 429) after every retry." : $"The model failed (HTTP {result.Status}) after every retry.",
                        throttled,
                        RetryAfterOf(result),
                        exception);
                case TimeoutRejectedException:
                    return new ModelUnavailableException("The model did not answer within the configured timeouts.", false, null, exception);
                case BrokenCircuitException:
                    return new ModelUnavailableException("The model failed repeatedly; calls are paused for a moment (circuit open).", false, Chat.ModelResilience.BreakDuration, exception);
                case HttpRequestException:
                    return new ModelUnavailableException("The model endpoint could not be reached.", false, null, exception);
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfterOf(ClientResultException result)
    {
        var response = result.GetRawResponse();
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        return RetryConditionHeaderValue.TryParse(value, out var header) && header.Delta is { } delta ? delta : null;
    }
}
