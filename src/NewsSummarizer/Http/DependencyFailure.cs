using System.ClientModel;
using System.Globalization;
using Azure;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Summarization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsSummarizer.Http;

/// <summary>Turns what the model path and storage throw (<see cref="ModelUnavailableException"/> from the chat
/// summariser, or the raw transport and Polly exceptions it wraps) when they are saturated or down into a 429 or 503 problem
/// with <c>Retry-After</c> (and a name storage refuses into a 400), so a client backs off instead of seeing a 500. The model SDK wraps transport errors
/// (<see cref="ClientResultException"/> around <see cref="HttpRequestException"/> or Polly's exceptions), so the
/// whole inner-exception chain is inspected.</summary>
public static class DependencyFailure
{
    /// <summary>When the model or storage gives no hint, clients wait this long.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>Polly 8.4 does not say how long an open circuit stays open; ours breaks for this long.</summary>
    public static readonly TimeSpan CircuitRetryAfter = Summarization.Chat.ModelResilience.BreakDuration;

    /// <summary>The longest model <c>Retry-After</c> passed on to clients.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>The problem to answer for <paramref name="exception"/>, or <c>null</c> when it is not a dependency
    /// failure (a bug, or the client went away).</summary>
    public static ApiResult? ToProblem(Exception exception, TimeProvider time, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(time);
        var fromModel = false;
        for (var current = exception; current is not null; current = Next(current))
        {
            switch (current)
            {
                case ModelUnavailableException { Throttled: true } throttled:
                    return ApiResult.Problem(
                        StatusCodes.Status429TooManyRequests, "model-throttled",
                        "The language model is saturated and throttled the request. Retry after the time in Retry-After.",
                        Cap(throttled.RetryAfter ?? DefaultRetryAfter));
                case ModelUnavailableException unavailable:
                    return ModelUnavailable(unavailable.Message, Cap(unavailable.RetryAfter ?? DefaultRetryAfter));
                case ClientResultException { Status: StatusCodes.Status429TooManyRequests } throttled:
                    return ApiResult.Problem(
                        StatusCodes.Status429TooManyRequests, "model-throttled",
                        "The language model is saturated and throttled the request. Retry after the time in Retry-After.",
                        RetryAfter(throttled, time) ?? DefaultRetryAfter);
                case ClientResultException { Status: StatusCodes.Status408RequestTimeout or >= 500 } down:
                    return ModelUnavailable($"The language model answered {down.Status}.", RetryAfter(down, time) ?? DefaultRetryAfter);
                case ClientResultException { Status: > 0 } refused:
                    return ApiResult.Problem(
                        StatusCodes.Status502BadGateway, "model-error",
                        $"The language model refused the call with status {refused.Status}; check the model configuration.");
                case BrokenCircuitException:
                    return ModelUnavailable("Calls to the language model are failing, so they are paused for a moment.", CircuitRetryAfter);
                case TimeoutRejectedException:
                    return ModelUnavailable("The language model did not answer in time.", DefaultRetryAfter);
                case HttpRequestException:
                    return ModelUnavailable("The language model cannot be reached.", DefaultRetryAfter);
                case RequestFailedException storage when storage.Status is 0 or 408 or 429 or >= 500:
                    return ApiResult.Problem(
                        StatusCodes.Status503ServiceUnavailable, "storage-unavailable",
                        "Blob storage is unavailable or throttling; retry shortly.", DefaultRetryAfter);
                case RequestFailedException { Status: 400 }:
                    // Storage refuses some names our checks let through (for example a name ending in a dot).
                    return ApiResult.Problem(
                        StatusCodes.Status400BadRequest, "invalid-name", "Blob storage does not accept this article name.");
                case RequestFailedException:
                    // 403 (identity lacks a role) and the like will not heal by retrying, but the client can do
                    // nothing about them either: still a 503, logged for the operator.
                    return ApiResult.Problem(
                        StatusCodes.Status503ServiceUnavailable, "storage-unavailable",
                        "Blob storage refused the request; the service is misconfigured. Retry later.", DefaultRetryAfter);
                case OperationCanceledException when !requestAborted.IsCancellationRequested:
                    // A timeout inside a client (HttpClient, storage) rather than the caller hanging up.
                    return ModelUnavailable("A dependency did not answer in time.", DefaultRetryAfter);
                case ClientResultException:
                    // No status: the transport failed; the inner exception may say how.
                    fromModel = true;
                    break;
                default:
                    break;
            }
        }

        return fromModel ? ModelUnavailable("The language model cannot be reached.", DefaultRetryAfter) : null;
    }

    private static Exception? Next(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception.InnerException;

    private static ApiResult ModelUnavailable(string detail, TimeSpan retryAfter) =>
        ApiResult.Problem(StatusCodes.Status503ServiceUnavailable, "model-unavailable", detail + " Retry after the time in Retry-After.", retryAfter);

    private static TimeSpan? RetryAfter(ClientResultException exception, TimeProvider time)
    {
        var response = exception.GetRawResponse();
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return Cap(TimeSpan.FromSeconds(seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Cap(date - time.GetUtcNow())
            : null;
    }

    private static TimeSpan Cap(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
}
