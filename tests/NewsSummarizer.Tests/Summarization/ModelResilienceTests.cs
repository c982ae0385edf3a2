using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Chat;
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

    [Theory]
    [InlineData(429, true)]
    [InlineData(503, false)]
    [InlineData(500, false)]
    public void From_ClientResultWithTransientStatus_IsUnavailable(int status, bool throttled)
    {
        var exception = new ClientResultException(new FakeResponse(status, retryAfter: "7"));

        var unavailable = ModelUnavailableException.From(exception);

        Assert.NotNull(unavailable);
        Assert.Equal(throttled, unavailable.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(7), unavailable.RetryAfter);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public void From_ClientError_IsNotUnavailable(int status) =>
        Assert.Null(ModelUnavailableException.From(new ClientResultException(new FakeResponse(status, null))));

    [Fact]
    public void From_WrappedConnectionFailure_IsUnavailable() =>
        Assert.NotNull(ModelUnavailableException.From(new InvalidOperationException("x", new HttpRequestException("refused"))));

    private sealed class FakeResponse(int status, string? retryAfter) : PipelineResponse
    {
        private readonly FakeHeaders headers = new(retryAfter);

        public override int Status => status;

        public override string ReasonPhrase => "fake";

        public override Stream? ContentStream { get; set; }

        public override BinaryData Content => BinaryData.FromString("{}");

        protected override PipelineResponseHeaders HeadersCore => headers;

        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;

        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Content);

        public override void Dispose()
        {
        }
    }

    private sealed class FakeHeaders(string? retryAfter) : PipelineResponseHeaders
    {
        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
            (retryAfter is null ? [] : new[] { new KeyValuePair<string, string>("Retry-After", retryAfter) }).AsEnumerable().GetEnumerator();

        public override bool TryGetValue(string name, out string? value)
        {
            value = name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase) ? retryAfter : null;
            return value is not null;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            values = TryGetValue(name, out var value) ? [value!] : null;
            return values is not null;
        }
    }
}
