using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Http;

/// <summary>What <c>POST /api/summaries</c> carried: the decoded text and title, or the problem with the request.</summary>
public sealed record SummaryRequest(string Text, string? Title, string ContentType, long Bytes, string Encoding);

/// <summary>Reads and checks a <c>POST /api/summaries</c> body: media type and charset (415), size (413, checked from
/// <c>Content-Length</c> first and counted while streaming, never buffering more than the limit + 1 bytes), UTF-8,
/// JSON shape and empty text (400). Everything else about the text is the pipeline's to decide.</summary>
public static class SummaryRequestReader
{
    public const string AcceptedMediaTypes = "text/plain; charset=utf-8, application/json";

    private const int InitialBufferBytes = 16 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Dictionary<string, string> AcceptPost = new(StringComparer.OrdinalIgnoreCase) { ["Accept-Post"] = AcceptedMediaTypes };

    private enum BodyKind
    {
        Text,
        Json,
    }

    /// <returns>The request, or a problem result to send as it is.</returns>
    public static async Task<(SummaryRequest? Request, ApiResult? Problem)> ReadAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (kind, unsupported) = CheckMediaType(request.ContentType);
        if (unsupported is not null)
        {
            return (null, unsupported);
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(request.ContentLength.Value, maxBytes));
        }

        // Let the server stop a lying or chunked body too, where the server allows it (Kestrel, not IIS in-process).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1;
        }

        byte[]? buffer = null;
        try
        {
            int length;
            try
            {
                (buffer, length) = await ReadBoundedAsync(request.Body, request.ContentLength, maxBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException exception)
            {
                // The server gave up on the body: over its own size limit, truncated, or malformed chunks.
                return (null, exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? TooLarge(null, maxBytes)
                    : BadRequest("unreadable-body", "The request body could not be read: " + exception.Message));
            }

            if (length > maxBytes)
            {
                return (null, TooLarge(null, maxBytes));
            }

            var body = buffer.AsSpan(0, length);
            return kind == BodyKind.Text
                ? ParseText(body, request.ContentType!)
                : ParseJson(body, request.ContentType!);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static (BodyKind Kind, ApiResult? Problem) CheckMediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return (default, Unsupported("The request has no valid Content-Type. Send text/plain; charset=utf-8 or application/json."));
        }

        var charset = mediaType.Charset.Value;
        var utf8 = charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
        BodyKind kind;
        if (mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            kind = BodyKind.Text;
        }
        else if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            kind = BodyKind.Json;
        }
        else
        {
            return (default, Unsupported($"Content-Type '{mediaType.MediaType}' is not supported. Send text/plain; charset=utf-8 or application/json."));
        }

        return utf8
            ? (kind, null)
            : (kind, Unsupported($"Charset '{charset}' is not supported. Encode the text as UTF-8 and send charset=utf-8."));
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes into a pooled buffer; a length over the limit
    /// means the body is too large (the rest is never read).</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBoundedAsync(Stream body, long? contentLength, long maxBytes, CancellationToken cancellationToken)
    {
        var cap = (int)Math.Min(maxBytes + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(cap, Math.Max(contentLength + 1 ?? InitialBufferBytes, 1)));
        var length = 0;
        try
        {
            while (length < cap)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(cap, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static (SummaryRequest?, ApiResult?) ParseText(ReadOnlySpan<byte> body, string contentType)
    {
        var (text, encoding) = Decode(body);
        if (text is null)
        {
            return (null, InvalidUtf8());
        }

        return Validate(text, null, contentType, body.Length, encoding);
    }

    private static (SummaryRequest?, ApiResult?) ParseJson(ReadOnlySpan<byte> body, string contentType)
    {
        var encoding = "utf-8";
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[3..];
            encoding = "utf-8-bom";
        }

        string? text = null, title = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, BadRequest("malformed-json", "The JSON body must be an object: {\"text\": \"...\", \"title\": \"...\"}."));
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isText = reader.ValueTextEquals("text"u8);
                var isTitle = !isText && reader.ValueTextEquals("title"u8);
                reader.Read();
                if (!isText && !isTitle)
                {
                    // Unknown members are ignored so clients can send more than we read today.
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                {
                    return (null, BadRequest("malformed-json", isText ? "\"text\" must be a string." : "\"title\" must be a string or null."));
                }

                if (isText)
                {
                    text = reader.GetString();
                }
                else
                {
                    title = reader.GetString();
                }
            }

            // Read to the end so trailing garbage after the object is malformed too.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            return (null, BadRequest("malformed-json", "The body is not valid JSON: " + exception.Message));
        }
        catch (InvalidOperationException exception)
        {
            // Strings that are not valid UTF-8, or escape half a surrogate pair ("\ud800"), surface here from GetString.
            return (null, BadRequest("malformed-json", "The body is not valid JSON: " + exception.Message));
        }

        if (text is null)
        {
            return (null, BadRequest("missing-text", "The JSON body has no \"text\" member. Send {\"text\": \"the article\", \"title\": \"optional\"}."));
        }

        return Validate(text, title, contentType, body.Length, encoding);
    }

    private static (SummaryRequest?, ApiResult?) Validate(string text, string? title, string contentType, long bytes, string encoding)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, BadRequest("empty", "The text is empty. Send the article's text."));
        }

        if (text.Contains('\0', StringComparison.Ordinal) || title?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return (null, BadRequest("binary-content", "The text contains NUL characters, so it is not text. Send the article as text."));
        }

        return (new SummaryRequest(text, title, contentType, bytes, encoding), null);
    }

    private static (string? Text, string Encoding) Decode(ReadOnlySpan<byte> body)
    {
        var encoding = "utf-8";
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[3..];
            encoding = "utf-8-bom";
        }

        try
        {
            return (StrictUtf8.GetString(body), encoding);
        }
        catch (DecoderFallbackException)
        {
            return (null, encoding);
        }
    }

    private static ApiResult TooLarge(long? bytes, long maxBytes) =>
        ApiResult.Problem(StatusCodes.Status413PayloadTooLarge, "too-large", bytes is { } known
            ? ArticleReader.TooLarge(known, maxBytes).Rejection!.Message
            : string.Create(CultureInfo.InvariantCulture,
                $"The body is over the limit of {maxBytes:N0} bytes (setting Summarizer__MaxArticleBytes). Split the article or raise the limit."));

    private static ApiResult Unsupported(string detail) =>
        ApiResult.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", detail, headers: AcceptPost);

    private static ApiResult InvalidUtf8() =>
        BadRequest("invalid-utf8", "The body is not valid UTF-8. Encode the text as UTF-8 and send it again.");

    private static ApiResult BadRequest(string code, string detail) => ApiResult.Problem(StatusCodes.Status400BadRequest, code, detail);
}
