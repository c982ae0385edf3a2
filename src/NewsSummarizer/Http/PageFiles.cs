using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NewsSummarizer.Http;

/// <summary>The reading page: <c>index.html</c>, <c>page.css</c> and <c>page.js</c>, embedded in this assembly and
/// served with their content type, a strong ETag (304 on a matching <c>If-None-Match</c>), <c>no-cache</c> (revalidate
/// every time: the names carry no version) and a Content-Security-Policy that allows only this origin's files, so
/// no inline script or style runs and nothing is fetched from elsewhere.</summary>
public sealed class PageFiles
{
    public const string IndexFile = "index.html";
    public const string StyleFile = "page.css";
    public const string ScriptFile = "page.js";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, PageFile> Files = new[]
    {
        Load(IndexFile, "text/html; charset=utf-8"),
        Load(StyleFile, "text/css; charset=utf-8"),
        Load(ScriptFile, "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(file => file.Name, StringComparer.Ordinal);

    /// <summary>The file, 304 when <c>If-None-Match</c> names its ETag, 404 for any other name.</summary>
    public IResult Get(string file, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Files.TryGetValue(file, out var page))
        {
            return ApiResult.Problem(StatusCodes.Status404NotFound, "unknown-file", $"There is no page file '{file}'.");
        }

        var notModified = Matches(request.Headers.IfNoneMatch, page.ETag);
        return new PageResult(
            notModified ? StatusCodes.Status304NotModified : StatusCodes.Status200OK,
            page.ContentType,
            notModified ? ReadOnlyMemory<byte>.Empty : page.Content,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [HeaderNames.ETag] = page.ETag,
                [HeaderNames.CacheControl] = "no-cache",
                [HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy,
                [HeaderNames.XContentTypeOptions] = "nosniff",
                // The Functions page carries its key in ?code=: never send the address anywhere.
                ["Referrer-Policy"] = "no-referrer",
            });
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        // If-None-Match uses the weak comparison (RFC 9110 13.1.2).
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private static PageFile Load(string name, string contentType)
    {
        using var stream = typeof(PageFiles).Assembly.GetManifestResourceStream($"NewsSummarizer.Page.{name}")
            ?? throw new InvalidOperationException($"The page file '{name}' is not embedded in {typeof(PageFiles).Assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"";
        return new PageFile(name, contentType, content, etag);
    }

    private sealed record PageFile(string Name, string ContentType, byte[] Content, string ETag);
}
