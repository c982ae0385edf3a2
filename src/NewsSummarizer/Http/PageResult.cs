using Microsoft.AspNetCore.Http;

namespace NewsSummarizer.Http;

/// <summary>A page file response. Tests read <see cref="StatusCode"/>, <see cref="Headers"/> and <see cref="Content"/>
/// without executing it.</summary>
public sealed class PageResult(int statusCode, string contentType, ReadOnlyMemory<byte> content, IReadOnlyDictionary<string, string> headers)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType { get; } = contentType;

    public ReadOnlyMemory<byte> Content { get; } = content;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (StatusCode == StatusCodes.Status304NotModified)
        {
            return;
        }

        response.ContentType = ContentType;
        response.ContentLength = Content.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(Content, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
