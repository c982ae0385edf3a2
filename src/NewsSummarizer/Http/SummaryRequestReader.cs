using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using NewsSummarizer.Articles;
using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Http;

/// <summary>What is HTTP about a <c>POST /api/summaries</c> body, and nothing else: media type and charset (415) and
/// size (413, checked from <c>Content-Length</c> first and counted while streaming, never buffering more than the limit
/// + 1 bytes).</summary>
/// <remarks>Format, encoding, JSON shape and emptiness are <see cref="ArticleReader"/>'s to decide, exactly as for a
/// blob.</remarks>
public static class SummaryRequestReader
{
    public static string AcceptedMediaTypes => FormatRegistry.AcceptedMediaTypes;

    private const int InitialBufferBytes = 16 * 1024;
    private static readonly Dictionary<string, string> AcceptPost = new(StringComparer.OrdinalIgnoreCase) { ["Accept-Post"] = AcceptedMediaTypes };

    /// <summary>Media types whose bytes are text: a charset other than UTF-8 is refused for them.</summary>
    private static readonly HashSet<string> TextMediaTypes =
        new(FormatRegistry.All.Where(format => format.IsText).Select(format => format.MediaTypes[0]), StringComparer.OrdinalIgnoreCase);

    /// <summary>Binary media types: the reader reads the document or sniffs the bytes.</summary>
    private static readonly HashSet<string> BinaryMediaTypes = new(
        FormatRegistry.All.Where(format => !format.IsText).Select(format => format.MediaTypes[0]).Append(FormatRegistry.OctetStream),
        StringComparer.OrdinalIgnoreCase);

    /// <returns>The request's bytes, or a problem result to send as it is.</returns>
    public static async Task<(SummaryRequest? Request, ApiResult? Problem)> ReadAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CheckMediaType(request.ContentType) is { } unsupported)
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

        byte[] buffer;
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
                : ApiResult.Problem(StatusCodes.Status400BadRequest, "unreadable-body", "The request body could not be read: " + exception.Message));
        }

        if (length > maxBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, TooLarge(null, maxBytes));
        }

        return (new SummaryRequest(buffer, length, request.ContentType!), null);
    }

    /// <summary>The top-level <c>length</c> field of a JSON body (a string or a number; the name matched
    /// case-insensitively, as the article fields are), or null when there is none or the body is not a JSON object
    /// (the article reader then says what is wrong with it).</summary>
    public static string? JsonLength(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var json = new Utf8JsonReader(content, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var isLength = string.Equals(json.GetString(), "length", StringComparison.OrdinalIgnoreCase);
                json.Read();
                if (isLength)
                {
                    return json.TokenType switch
                    {
                        JsonTokenType.String => json.GetString(),
                        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(json.ValueSpan),
                        JsonTokenType.Null => null,
                        _ => json.TokenType.ToString(),
                    };
                }

                json.TrySkip();
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    private static ApiResult? CheckMediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return Unsupported($"The request has no valid Content-Type. Send one of: {AcceptedMediaTypes}.");
        }

        var type = mediaType.MediaType.Value ?? string.Empty;
        if (BinaryMediaTypes.Contains(type))
        {
            return null;
        }

        if (!TextMediaTypes.Contains(type))
        {
            return Unsupported($"Content-Type '{type}' is not supported. Send one of: {AcceptedMediaTypes}.");
        }

        var charset = mediaType.Charset.Value;
        var utf8 = charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
        return utf8 ? null : Unsupported($"Charset '{charset}' is not supported. Encode the text as UTF-8 and send charset=utf-8.");
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

    private static ApiResult TooLarge(long? bytes, long maxBytes) =>
        ApiResult.Problem(StatusCodes.Status413PayloadTooLarge, ArticleErrorCodes.TooLarge, bytes is { } known
            ? ArticleReader.TooLarge(known, maxBytes).Rejection!.Message
            : string.Create(CultureInfo.InvariantCulture,
                $"The body is over the limit of {maxBytes:N0} bytes (setting Summarizer__MaxArticleBytes). Split the article or raise the limit."));

    private static ApiResult Unsupported(string detail) =>
        ApiResult.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", detail, headers: AcceptPost);
}
