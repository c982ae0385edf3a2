using Azure;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Http;

/// <summary>Turns what the model path, storage and the extractor throw when they are saturated, down or refuse into a problem.</summary>
/// <remarks>Model failures are classified by <see cref="ModelFailureClassifier"/> and answered by their disposition
/// (<see cref="ApiResult.ForFailure"/>: 429 or 503 with <c>Retry-After</c> when transient); storage gives 503, or 400 for
/// a name it refuses; no extractor process, 503. The whole inner-exception chain is inspected because the SDK wraps
/// transport errors. Final model failures never reach here on the POST path: <see cref="Processing.SummaryService"/>
/// turns them into a result.</remarks>
public static class DependencyFailure
{
    /// <summary>When the model or storage gives no hint, clients wait this long.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>The longest model <c>Retry-After</c> passed on to clients.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>The problem to answer for <paramref name="exception"/>, or <c>null</c> when it is not a dependency
    /// failure (a bug, or the client went away).</summary>
    public static ApiResult? ToProblem(Exception exception, TimeProvider time, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(time);
        for (var current = exception; current is not null; current = Next(current))
        {
            switch (current)
            {
                case ModelUnavailableException unavailable:
                    return Transient(unavailable.Message, unavailable.Throttled, unavailable.RetryAfter);
                case Articles.Extraction.ExtractorUnavailableException:
                    // The deployment's fault, never the document's: the message (for the operator) stays in the log.
                    return ApiResult.Problem(
                        StatusCodes.Status503ServiceUnavailable, "extractor-unavailable",
                        "The document reader (extractor process) cannot start on this server, so HTML, Markdown, Word and PDF cannot be read now. " +
                        "Plain text and JSON still work; retry later.", DefaultRetryAfter);
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
            }
        }

        if (ModelFailureClassifier.Classify(exception, null, time) is { } failure)
        {
            return failure.IsTransient ? Transient(failure.Message, failure.Throttled, failure.RetryAfter) : ApiResult.ForFailure(failure.Failure);
        }

        for (var current = exception; current is not null; current = Next(current))
        {
            if (current is OperationCanceledException && !requestAborted.IsCancellationRequested)
            {
                // A timeout inside a client (HttpClient, storage) rather than the caller hanging up.
                return Transient("A dependency did not answer in time.", throttled: false, null);
            }
        }

        return null;
    }

    private static Exception? Next(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception.InnerException;

    private static ApiResult Transient(string detail, bool throttled, TimeSpan? retryAfter) => ApiResult.ForFailure(
        throttled
            ? new Failure(ModelErrorCodes.Throttled, Disposition.Transient, "The language model is saturated and throttled the request. Retry after the time in Retry-After.")
            : new Failure(ModelErrorCodes.Unavailable, Disposition.Transient, detail + " Retry after the time in Retry-After."),
        retryAfter: Cap(retryAfter ?? DefaultRetryAfter));

    private static TimeSpan Cap(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
}
