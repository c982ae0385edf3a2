using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>The retry budget of one model call, tuned for LLM latency: attempt and total timeouts from
/// <see cref="SummarizerOptions"/>, jittered exponential backoff, <c>Retry-After</c> honoured up to
/// <see cref="SummarizerOptions.MaxRetryAfter"/> (a longer wait fails fast so the trigger retries the article later),
/// and a circuit breaker that opens only when nearly every call fails.</summary>
internal static class ModelResilience
{
    public const string HttpClientName = "NewsSummarizer.Model";

    /// <summary>How long calls pause once the breaker opens.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    public static void Configure(HttpStandardResilienceOptions resilience, SummarizerOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.ModelAttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.ModelTotalTimeout;

        resilience.Retry.MaxRetryAttempts = Math.Max(options.ModelMaxRetries, 0);
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.ModelRetryDelay;
        resilience.Retry.MaxDelay = options.MaxRetryAfter;
        resilience.Retry.ShouldRetryAfterHeader = true;
        var maxRetryAfter = options.MaxRetryAfter;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, maxRetryAfter));

        // The breaker must sample at least two attempt timeouts (validated by the library).
        resilience.CircuitBreaker.SamplingDuration = options.ModelAttemptTimeout * 2.5;
        resilience.CircuitBreaker.FailureRatio = 0.9;
        resilience.CircuitBreaker.MinimumThroughput = 20;
        resilience.CircuitBreaker.BreakDuration = BreakDuration;
    }

    /// <summary>Transient failures are retried, except a throttle whose <c>Retry-After</c> exceeds the cap.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        return outcome.Result is not { } response || RetryAfter(response) is not { } wait || wait <= maxRetryAfter;
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
