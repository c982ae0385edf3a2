using System.Diagnostics.CodeAnalysis;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Articles;

/// <summary>An article read from bytes, or the reason it never can be (a <c>rejected</c> result).</summary>
public sealed record ArticleReadResult
{
    private ArticleReadResult()
    {
    }

    public Article? Article { get; private init; }

    /// <summary>The character encoding the bytes were decoded with (for example <c>utf-8</c>).</summary>
    public string? Encoding { get; private init; }

    /// <summary>SHA-256 of the normalised text; <c>null</c> when the bytes could not be decoded.</summary>
    public string? Sha256 { get; private init; }

    /// <summary>Why the article can never be read (<see cref="Disposition.Rejected"/>); <c>null</c> when accepted.</summary>
    public Failure? Rejection { get; private init; }

    /// <summary>The format the article was read as (<c>text</c>, <c>markdown</c>, <c>html</c>, <c>json</c>,
    /// <c>docx</c>, <c>pdf</c>); <c>null</c> when it was rejected before a format was chosen.</summary>
    public string? Format { get; init; }

    [MemberNotNullWhen(true, nameof(Article), nameof(Sha256))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Rejection is null;

    public static ArticleReadResult Accepted(Article article, string? encoding, string sha256) =>
        new() { Article = article, Encoding = encoding, Sha256 = sha256 };

    public static ArticleReadResult Rejected(string code, string message, string? encoding = null, string? sha256 = null) =>
        new() { Rejection = Failure.Rejected(code, message), Encoding = encoding, Sha256 = sha256 };
}
