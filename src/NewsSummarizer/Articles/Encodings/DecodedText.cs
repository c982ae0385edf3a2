using System.Diagnostics.CodeAnalysis;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Articles.Encodings;

/// <summary>Text decoded from bytes and the encoding used, or why the bytes are not text we can read.</summary>
internal sealed record DecodedText
{
    private DecodedText()
    {
    }

    public string? Text { get; private init; }

    /// <summary>The name written to <c>source.encoding</c>, e.g. <c>utf-8</c> or <c>windows-1256</c>.</summary>
    public string? Encoding { get; private init; }

    public ErrorInfo? Error { get; private init; }

    [MemberNotNullWhen(true, nameof(Text), nameof(Encoding))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsDecoded => Error is null;

    public static DecodedText Decoded(string text, string encoding) => new() { Text = text, Encoding = encoding };

    public static DecodedText Failed(string code, string message, string? encoding = null) =>
        new() { Error = new ErrorInfo(code, message), Encoding = encoding };
}
