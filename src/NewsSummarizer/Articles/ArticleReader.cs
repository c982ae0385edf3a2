using System.Text;
using Microsoft.Extensions.Options;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Articles;

/// <summary>Turns uploaded bytes into an <see cref="Article"/>, or a rejection that says what to fix.</summary>
public sealed class ArticleReader(IOptions<SummarizerOptions> options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ArticleReadResult Read(ReadOnlySpan<byte> content, string? title = null)
    {
        var limits = options.Value;
        if (content.Length > limits.MaxArticleBytes)
        {
            return TooLarge(content.Length, limits.MaxArticleBytes);
        }

        if (content.IsEmpty)
        {
            return ArticleReadResult.Rejected("empty", "The article is empty. Upload a text file with the article's content.");
        }

        if (!TryDecode(content, out var text, out var encoding))
        {
            return ArticleReadResult.Rejected(
                "unsupported-encoding",
                "The article is not valid UTF-8 text. Save it as UTF-8 (with or without BOM) and upload it again.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return ArticleReadResult.Rejected(
                "binary-content", "The article contains NUL characters, so it is not text. Upload the article as text.", encoding);
        }

        return FromText(text, encoding, title);
    }

    /// <summary>Validates already decoded text (HTTP requests, extracted formats).</summary>
    public ArticleReadResult FromText(string text, string encoding, string? title = null)
    {
        var normalized = ArticleText.Normalize(text);
        var normalizedTitle = string.IsNullOrWhiteSpace(title) ? null : ArticleText.Normalize(title);
        if (normalized.Length == 0)
        {
            return ArticleReadResult.Rejected(
                "empty", "The article has no text, only white space. Upload a file with the article's content.", encoding);
        }

        var sha256 = ArticleText.Sha256(normalizedTitle is null ? normalized : normalizedTitle + "\n\n" + normalized);
        var words = ArticleText.CountWords(normalized);
        var minWords = options.Value.MinArticleWords;
        if (words < minWords)
        {
            return ArticleReadResult.Rejected(
                "too-short",
                $"The article has {words} words; at least {minWords} are needed for a summary. Upload the full article.",
                encoding,
                sha256);
        }

        var article = new Article(normalized, normalizedTitle, ArticleLanguage.Detect(normalized));
        return ArticleReadResult.Accepted(article, encoding, sha256);
    }

    public static ArticleReadResult TooLarge(long bytes, long limit) =>
        ArticleReadResult.Rejected(
            "too-large",
            $"The article is {bytes:N0} bytes; the limit is {limit:N0} bytes (setting Summarizer__MaxArticleBytes). " +
            "Split the article or raise the limit.");

    private static bool TryDecode(ReadOnlySpan<byte> content, out string text, out string encoding)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            encoding = "utf-8-bom";
            return TryStrict(StrictUtf8, content[3..], out text);
        }

        if (content.StartsWith(Encoding.Unicode.Preamble))
        {
            encoding = "utf-16le";
            return TryStrict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), content[2..], out text);
        }

        if (content.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            encoding = "utf-16be";
            return TryStrict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), content[2..], out text);
        }

        encoding = "utf-8";
        return TryStrict(StrictUtf8, content, out text);
    }

    private static bool TryStrict(Encoding decoder, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = decoder.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }
}
