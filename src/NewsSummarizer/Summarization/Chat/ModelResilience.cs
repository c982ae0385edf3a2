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

        // The library requires at least one retry attempt; Summarizer__ModelMaxRetries = 0 handles no outcome instead.
        var retries = options.ModelMaxRetries > 0;
        resilience.Retry.MaxRetryAttempts = Math.Max(options.ModelMaxRetries, 1);
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.ModelRetryDelay;
        resilience.Retry.MaxDelay = options.MaxRetryAfter;
        resilience.Retry.ShouldRetryAfterHeader = true;
        var maxRetryAfter = options.MaxRetryAfter;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(retries && ShouldRetry(args.Outcome, maxRetryAfter));

        // The breaker must sample at least two attempt timeouts (validated by the library).
        resilience.CircuitBreaker.SamplingDuration = options.ModelAttemptTimeout * 2.5;
        resilience.CircuitBreaker.FailureRatio = 0.9;
        resilience.CircuitBreaker.MinimumThroughput = 20;
        resilience.CircuitBreaker.BreakDuration = BreakDuration;
    }

    /// <summary>Transient failures (as <see cref="ModelFailureClassifier"/> decides) are retried, except a throttle
    /// whose <c>Retry-After</c> exceeds the cap. Everything else is final after one call.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter) =>
        ShouldRetry(outcome, maxRetryAfter, TimeProvider.System);

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (outcome.Exception is { } exception)
        {
            return ModelFailureClassifier.IsTransientException(exception);
        }

        if (outcome.Result is not { } response || !ModelFailureClassifier.IsTransientStatus((int)response.StatusCode))
        {
            return false;
        }

        return RetryAfter(response, time) is not { } wait || wait <= maxRetryAfter;
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) =>
        ModelFailureClassifier.RetryAfter(
            name => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null,
            time.GetUtcNow());
}
