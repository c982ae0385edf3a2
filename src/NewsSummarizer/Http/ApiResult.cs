using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Http;

/// <summary>A JSON response written with <see cref="SummaryJson.CompactOptions"/> (UTF-8, camelCase, Arabic
/// unescaped), whatever JSON options the host configured. Tests read <see cref="StatusCode"/>, <see cref="Value"/>
/// and <see cref="Headers"/> without executing it.</summary>
public sealed class ApiResult : IResult, IStatusCodeHttpResult, IValueHttpResult, IContentTypeHttpResult
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    private ApiResult(int statusCode, object value, string contentType, IReadOnlyDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        Value = value;
        ContentType = contentType;
        Headers = headers;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public object Value { get; }

    public string ContentType { get; }

    /// <summary>Extra response headers such as <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public static ApiResult Json(int statusCode, object value, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, value, JsonContentType, headers ?? EmptyHeaders);

    public static ApiResult Problem(
        int status, string code, string detail, TimeSpan? retryAfter = null, SummaryDocument? result = null,
        IReadOnlyList<string>? allowed = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var problem = new ApiProblem
        {
            Type = ApiProblem.TypeFor(status),
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Detail = detail,
            Code = code,
            Result = result,
            Allowed = allowed,
        };
        var allHeaders = new Dictionary<string, string>(headers ?? EmptyHeaders, StringComparer.OrdinalIgnoreCase);
        if (retryAfter is { } wait)
        {
            allHeaders[HeaderNames.RetryAfter] = RetryAfterSeconds(wait);
        }

        return new ApiResult(status, problem, ProblemContentType, allHeaders);
    }

    /// <summary>The problem for a failure, its HTTP status read from its disposition.</summary>
    /// <remarks>Rejected: 422, or 400 when the request itself is malformed (nothing in it to summarise). Failed: 502.
    /// Transient: 429 when the model throttled, else 503, with <c>Retry-After</c>.</remarks>
    public static ApiResult ForFailure(Failure failure, SummaryDocument? result = null, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var status = failure.Disposition switch
        {
            Disposition.Rejected when IsMalformedRequest(failure.Code) => StatusCodes.Status400BadRequest,
            Disposition.Rejected => StatusCodes.Status422UnprocessableEntity,
            Disposition.Failed => StatusCodes.Status502BadGateway,
            _ when failure.Code == Summarization.ModelErrorCodes.Throttled => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status503ServiceUnavailable,
        };
        return Problem(status, failure.Code, failure.Message, failure.Disposition == Disposition.Transient ? retryAfter : null, result);
    }

    /// <summary>Whole seconds, at least 1: a zero <c>Retry-After</c> invites a tight retry loop.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static bool IsMalformedRequest(string code) =>
        code is Articles.ArticleErrorCodes.Empty or Articles.ArticleErrorCodes.NoText or Articles.ArticleErrorCodes.InvalidJson or
            Articles.ArticleErrorCodes.UnsupportedJson;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var body = JsonSerializer.SerializeToUtf8Bytes(Value, Value.GetType(), SummaryJson.CompactOptions);
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();
}
