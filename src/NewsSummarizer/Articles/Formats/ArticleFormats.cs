using System.Net.Http.Headers;

namespace NewsSummarizer.Articles.Formats;

/// <summary>Decides the format of an upload: by the name's extension, else by the content type, else by sniffing
/// the decoded text. Whatever matches nothing is read as plain text.</summary>
public sealed class ArticleFormats
{
    private readonly IArticleFormat[] sniffed;
    private readonly IArticleFormat fallback;

    /// <param name="sniffed">Formats recognisable from their content, in the order they are tried.</param>
    /// <param name="fallback">The format of everything else (plain text).</param>
    public ArticleFormats(IEnumerable<IArticleFormat> sniffed, IArticleFormat fallback)
    {
        this.sniffed = [.. sniffed];
        this.fallback = fallback;
    }

    /// <summary>Plain text, Markdown, HTML and JSON news items; sniffing tries JSON, then HTML, then Markdown.</summary>
    public static ArticleFormats Default { get; } =
        new([new JsonNewsFormat(), new HtmlFormat(), new MarkdownFormat()], new PlainTextFormat());

    /// <summary>The format the name or the content type names, or <c>null</c> when neither says anything we know.</summary>
    public IArticleFormat? ByNameOrContentType(string? name, string? contentType)
    {
        var extension = ExtensionOf(name);
        if (extension is not null && All().FirstOrDefault(f => f.Extensions.Contains(extension)) is { } byName)
        {
            return byName;
        }

        var mediaType = MediaTypeOf(contentType);
        return mediaType is null ? null : All().FirstOrDefault(f => f.MediaTypes.Contains(mediaType));
    }

    /// <summary>The format called <paramref name="name"/> (<see cref="IArticleFormat.Name"/>), or <c>null</c>.</summary>
    public IArticleFormat? ByName(string name) => All().FirstOrDefault(f => f.Name == name);

    /// <summary>The first format whose content test matches; plain text when none does.</summary>
    public IArticleFormat Sniff(string text) => sniffed.FirstOrDefault(f => f.LooksLike(text)) ?? fallback;

    /// <summary>The lower-case extension with its dot, of the last path segment, or <c>null</c>.</summary>
    public static string? ExtensionOf(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var fileName = name[(name.LastIndexOf('/') + 1)..];
        var dot = fileName.LastIndexOf('.');
        return dot <= 0 || dot == fileName.Length - 1 ? null : fileName[dot..].ToLowerInvariant();
    }

    private IEnumerable<IArticleFormat> All() => sniffed.Append(fallback);

    /// <summary>The lower-case media type of a content type (no parameters), or <c>null</c>.</summary>
    public static string? MediaTypeOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
}
