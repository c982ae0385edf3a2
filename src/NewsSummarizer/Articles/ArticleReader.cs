using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Articles.Encodings;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Articles.Formats;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Articles;

/// <summary>Turns uploaded bytes into an <see cref="Article"/>, or a rejection that says what to fix: the one place
/// that decides format, encoding and limits, for the blob trigger, the CLI and the HTTP API alike.</summary>
/// <remarks>Plain text and JSON are read here, by our own bounded code, on the caller's thread. HTML, Markdown, Word
/// and PDF go to <see cref="IArticleExtractor"/>: in every host an extractor process that can be killed.</remarks>
public sealed partial class ArticleReader(IOptions<SummarizerOptions> options, IArticleExtractor extractor, ILogger<ArticleReader>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<ArticleReader>.Instance;

    /// <summary>The most bytes an upload with this name or content type may have: <c>Summarizer__MaxHtmlBytes</c> for
    /// an HTML page, <c>Summarizer__MaxArticleBytes</c> for everything else. Storage and HTTP read no more than this.</summary>
    public long MaxBytesFor(string? name, string? contentType) => MaxBytesFor(ArticleFormats.Default.ByNameOrContentType(name, contentType));

    private long MaxBytesFor(IArticleFormat? format) =>
        format is HtmlFormat ? Math.Max(options.Value.MaxHtmlBytes, options.Value.MaxArticleBytes) : options.Value.MaxArticleBytes;

    /// <param name="content">The uploaded bytes.</param>
    /// <param name="name">The blob or file name; its extension picks the format.</param>
    /// <param name="contentType">The blob's or request's content type, used when the name has no known extension.</param>
    /// <param name="title">A title given besides the content (it wins over one found in the document).</param>
    /// <param name="cancellationToken">Cancels an extraction under way (its process is killed).</param>
    public async ValueTask<ArticleReadResult> ReadAsync(
        ReadOnlyMemory<byte> content, string? name, string? contentType, string? title = null, CancellationToken cancellationToken = default)
    {
        var format = ArticleFormats.Default.ByNameOrContentType(name, contentType);
        var maxBytes = MaxBytesFor(format);
        if (content.Length > maxBytes)
        {
            return TooLarge(content.Length, maxBytes);
        }

        if (content.IsEmpty)
        {
            return ArticleReadResult.Rejected(
                ArticleErrorCodes.Empty, "The article is empty. Upload a file with the article's content.");
        }

        if (DocumentReader.Identify(content, name, contentType) is { } document)
        {
            var read = await ExtractAsync(new ExtractionJob(document, content), name, cancellationToken).ConfigureAwait(false);
            if (read.IsExtracted && GarbleCheck.IsGarbled(read.Text, out var garbled))
            {
                read = FormatExtraction.Rejected(ArticleErrorCodes.GarbledText, $"The document's text is unreadable: {garbled}.");
            }

            return FromExtraction(read, null, title, checkTextSize: false) with { Format = document };
        }

        var extension = format is null ? ArticleFormats.ExtensionOf(name) : null;
        if (BinarySignatures.Identify(content.Span, extension) is { } kind)
        {
            return ArticleReadResult.Rejected(
                ArticleErrorCodes.UnsupportedFormat,
                $"The file is {kind}, not an article. Upload the article as text (.txt), Markdown (.md), HTML (.html), JSON (.json), Word (.docx) or PDF (.pdf).");
        }

        var decoded = TextDecoder.Decode(content.Span);
        if (!decoded.IsDecoded)
        {
            return ArticleReadResult.Rejected(decoded.Error.Code, decoded.Error.Message, decoded.Encoding);
        }

        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            return Empty(decoded.Encoding);
        }

        if (GarbleCheck.IsGarbled(decoded.Text, out var reason))
        {
            return ArticleReadResult.Rejected(
                ArticleErrorCodes.GarbledText,
                $"The article decodes as {decoded.Encoding} but {reason}. Save the original text as UTF-8 and upload it again.",
                decoded.Encoding);
        }

        format ??= ArticleFormats.Default.Sniff(decoded.Text);
        var extraction = format.ParsedOutOfProcess
            ? await ExtractAsync(new ExtractionJob(format.Name, Encoding.UTF8.GetBytes(decoded.Text)), name, cancellationToken).ConfigureAwait(false)
            : format.Extract(decoded.Text);
        if (extraction is { IsExtracted: true, TextIsHtml: true })
        {
            // A JSON item's HTML body: its text comes from the HTML reader, the rest from the JSON.
            var body = await ExtractAsync(new ExtractionJob(ExtractionJob.HtmlFragment, Encoding.UTF8.GetBytes(extraction.Text)), name, cancellationToken).ConfigureAwait(false);
            extraction = body.IsExtracted
                ? FormatExtraction.Extracted(body.Text, extraction.Title) with { Language = extraction.Language, Url = extraction.Url, PublishedAt = extraction.PublishedAt }
                : body;
        }

        // An HTML page may be larger than an article (its markup); its text may not.
        return FromExtraction(extraction, decoded.Encoding, title, checkTextSize: content.Length > options.Value.MaxArticleBytes) with { Format = format.Name };
    }

    public static ArticleReadResult TooLarge(long bytes, long limit) =>
        ArticleReadResult.Rejected(
            ArticleErrorCodes.TooLarge,
            $"The article is {bytes:N0} bytes; the limit is {limit:N0} bytes (setting Summarizer__MaxArticleBytes, Summarizer__MaxHtmlBytes for HTML pages). " +
            "Split the article or raise the limit.");

    private async ValueTask<FormatExtraction> ExtractAsync(ExtractionJob job, string? name, CancellationToken cancellationToken)
    {
        var extraction = await extractor.ExtractAsync(job, cancellationToken).ConfigureAwait(false);
        if (extraction.Error is { Code: not (ArticleErrorCodes.NoText or ArticleErrorCodes.NoTextLayer) } error)
        {
            LogRejected(logger, name, InProcessExtractor.FormatName(job), error.Code, error.Message);
        }

        return extraction;
    }

    private ArticleReadResult FromExtraction(FormatExtraction extraction, string? encoding, string? title, bool checkTextSize)
    {
        if (!extraction.IsExtracted)
        {
            return ArticleReadResult.Rejected(extraction.Error.Code, extraction.Error.Message, encoding);
        }

        // Format characters go before anything counts, detects or hashes: the hash is of the text as summarised.
        var normalized = ArticleText.Normalize(ArticleText.RemoveFormatCharacters(extraction.Text));
        var normalizedTitle = ArticleText.NormalizeTitle(string.IsNullOrWhiteSpace(title) ? extraction.Title : title);
        if (normalized.Length == 0)
        {
            return Empty(encoding);
        }

        var textBytes = checkTextSize ? Encoding.UTF8.GetByteCount(normalized) : 0;
        if (textBytes > options.Value.MaxArticleBytes)
        {
            return ArticleReadResult.Rejected(
                ArticleErrorCodes.TooLarge,
                $"The article's text is {textBytes:N0} bytes once extracted; the limit is {options.Value.MaxArticleBytes:N0} bytes (setting Summarizer__MaxArticleBytes). " +
                "Split the article or raise the limit.",
                encoding);
        }

        var sha256 = ArticleText.Sha256(normalizedTitle is null ? normalized : normalizedTitle + "\n\n" + normalized);
        var words = Text.Words.CountProse(normalized);
        var minWords = options.Value.MinArticleWords;
        if (words < minWords)
        {
            return ArticleReadResult.Rejected(
                ArticleErrorCodes.TooShort,
                $"The article has {words} words; at least {minWords} are needed for a summary. Upload the full article.",
                encoding,
                sha256);
        }

        var article = new Article(normalized, normalizedTitle, LanguageOf(normalized, extraction.Language))
        {
            Url = extraction.Url,
            PublishedAt = extraction.PublishedAt,
        };
        return ArticleReadResult.Accepted(article, encoding, sha256);
    }

    /// <summary>The script decides; a declared language (JSON <c>language</c>) only fills in when it cannot.</summary>
    private static ArticleLanguage LanguageOf(string text, string? declared)
    {
        var detected = LanguageDetector.Detect(text);
        if (detected != ArticleLanguage.Other || string.IsNullOrWhiteSpace(declared))
        {
            return detected;
        }

        var primary = declared.Split('-', '_')[0].Trim();
        return WireNames.TryParse<ArticleLanguage>(primary, ignoreCase: true, out var named) ? named : detected;
    }

    private static ArticleReadResult Empty(string? encoding) => ArticleReadResult.Rejected(
        ArticleErrorCodes.Empty, "The article has no text, only white space. Upload a file with the article's content.", encoding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Name} ({Format}) rejected as {Code}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? name, string format, string code, string reason);
}
