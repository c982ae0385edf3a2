namespace NewsSummarizer.Articles.Formats;

/// <summary>The one table of the formats an article can have: name, extensions, media types, stored content type.</summary>
/// <remarks>The readers (<see cref="IArticleFormat"/>, the documents' <c>DocumentReader</c>), the CLI's uploads
/// (<see cref="ContentTypeFor"/>) and the HTTP API's accepted media types (<see cref="AcceptedMediaTypes"/>) all read
/// it, so a format is added or renamed in one place.</remarks>
public static class FormatRegistry
{
    public static ArticleFormatInfo Text { get; } = new("text", [".txt", ".text"], ["text/plain"], "text/plain; charset=utf-8", IsText: true);

    public static ArticleFormatInfo Markdown { get; } =
        new("markdown", [".md", ".markdown"], ["text/markdown", "text/x-markdown"], "text/markdown; charset=utf-8", IsText: true);

    /// <summary>Stored without a charset: a page may declare its own (<c>&lt;meta charset&gt;</c>).</summary>
    public static ArticleFormatInfo Html { get; } =
        new("html", [".html", ".htm", ".xhtml"], ["text/html", "application/xhtml+xml"], "text/html", IsText: true);

    /// <summary>JSON is UTF-8 by its specification (RFC 8259): no charset.</summary>
    public static ArticleFormatInfo Json { get; } = new("json", [".json"], ["application/json", "text/json"], "application/json", IsText: true);

    public static ArticleFormatInfo Pdf { get; } = new("pdf", [".pdf"], ["application/pdf"], "application/pdf", IsText: false);

    public static ArticleFormatInfo Docx { get; } = new(
        "docx",
        [".docx"],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        IsText: false);

    public static IReadOnlyList<ArticleFormatInfo> All { get; } = [Text, Markdown, Html, Json, Pdf, Docx];

    /// <summary>What a <c>POST /api/summaries</c> body may be (the <c>Accept-Post</c> header): each format's main
    /// media type, text ones in UTF-8, and <c>application/octet-stream</c> for bytes the reader sniffs.</summary>
    public static string AcceptedMediaTypes { get; } = string.Join(
        ", ",
        All.Select(format => format.IsText && format != Json ? format.MediaTypes[0] + "; charset=utf-8" : format.MediaTypes[0])
            .Append(OctetStream));

    public const string OctetStream = "application/octet-stream";

    /// <summary>The format a lower-case extension (with its dot) names, or <c>null</c>.</summary>
    public static ArticleFormatInfo? ByExtension(string? extension) =>
        extension is null ? null : All.FirstOrDefault(format => format.Extensions.Contains(extension));

    /// <summary>The format a lower-case media type names, or <c>null</c>.</summary>
    public static ArticleFormatInfo? ByMediaType(string? mediaType) =>
        mediaType is null ? null : All.FirstOrDefault(format => format.MediaTypes.Contains(mediaType));

    /// <summary>The content type a file is stored with, from its extension; <c>application/octet-stream</c> (the
    /// reader then sniffs the bytes) for any other.</summary>
    public static string ContentTypeFor(string path) =>
        ByExtension(ArticleFormats.ExtensionOf(path))?.StoredContentType ?? OctetStream;
}

/// <summary>One format of <see cref="FormatRegistry"/>.</summary>
/// <param name="Name">As results and logs name it (<c>source.format</c>).</param>
/// <param name="MediaTypes">The first is the format's main media type.</param>
/// <param name="IsText">Whether its bytes are text (a charset other than UTF-8 is refused over HTTP).</param>
public sealed record ArticleFormatInfo(
    string Name, IReadOnlyList<string> Extensions, IReadOnlyList<string> MediaTypes, string StoredContentType, bool IsText);
