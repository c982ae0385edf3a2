using System.Diagnostics.CodeAnalysis;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Articles.Formats;

/// <summary>What a format found in a document: plain text and metadata, or the reason it holds no article.</summary>
public sealed record FormatExtraction
{
    private FormatExtraction()
    {
    }

    /// <summary>Plain text, paragraphs on separate lines; not yet normalised.</summary>
    public string? Text { get; private init; }

    public string? Title { get; private init; }

    /// <summary>A language the document declares (JSON <c>language</c>), used when the script says nothing.</summary>
    public string? Language { get; init; }

    public Uri? Url { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public ErrorInfo? Error { get; private init; }

    /// <summary><see cref="Text"/> is still HTML (a JSON news item's body): its text comes from the HTML reader, which
    /// runs in an extractor process.</summary>
    public bool TextIsHtml { get; init; }

    [MemberNotNullWhen(true, nameof(Text))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsExtracted => Error is null;

    public static FormatExtraction Extracted(string text, string? title = null) =>
        new() { Text = text, Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim() };

    public static FormatExtraction Rejected(string code, string message) => new() { Error = new ErrorInfo(code, message) };
}
