using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace NewsSummarizer.Tests.Summarization;

public sealed class ModelResilienceTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 1, true)]
    [InlineData(HttpStatusCode.TooManyRequests, 60, true)]
    [InlineData(HttpStatusCode.TooManyRequests, 86400, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 3600, false)]
    [InlineData(HttpStatusCode.InternalServerError, null, true)]
    [InlineData(HttpStatusCode.RequestTimeout, null, true)]
    [InlineData(HttpStatusCode.BadRequest, null, false)]
    [InlineData(HttpStatusCode.Unauthorized, null, false)]
    public void ShouldRetry_Response_RetriesTransientUnlessRetryAfterExceedsCap(HttpStatusCode status, int? retryAfterSeconds, bool expected)
    {
        using var response = new HttpResponseMessage(status);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        Assert.Equal(expected, ModelResilience.ShouldRetry(Outcome.FromResult(response), Cap));
    }

    [Fact]
    public void ShouldRetry_AttemptTimeout_Retries() =>
        Assert.True(ModelResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), Cap));

    [Fact]
    public void Configure_Defaults_SizeTheBudgetForLlmLatency()
    {
        var options = new SummarizerOptions();
        var resilience = new HttpStandardResilienceOptions();

        ModelResilience.Configure(resilience, options);

        Assert.Equal(TimeSpan.FromSeconds(60), resilience.AttemptTimeout.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(180), resilience.TotalRequestTimeout.Timeout);
        Assert.Equal(3, resilience.Retry.MaxRetryAttempts);
        Assert.True(resilience.Retry.ShouldRetryAfterHeader);
        Assert.True(resilience.CircuitBreaker.SamplingDuration >= 2 * resilience.AttemptTimeout.Timeout);
    }
}
