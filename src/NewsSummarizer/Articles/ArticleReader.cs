using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Articles.Encodings;
using NewsSummarizer.Articles.Formats;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Articles;

/// <summary>Turns uploaded bytes into an <see cref="Article"/>, or a rejection that says what to fix. The one place
/// that decides format, encoding and limits, for the blob trigger, the CLI and the HTTP API alike.</summary>
public sealed partial class ArticleReader
{
    private readonly IOptions<SummarizerOptions> options;
    private readonly ArticleFormats formats;
    private readonly TimeSpan extractionBudget;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    public ArticleReader(IOptions<SummarizerOptions> options, TimeProvider? timeProvider = null, ILogger<ArticleReader>? logger = null)
        : this(options, ArticleFormats.Default, ArticleLimits.ExtractionBudget, timeProvider ?? TimeProvider.System, logger ?? NullLogger<ArticleReader>.Instance)
    {
    }

    /// <summary>A reader with other formats or another extraction budget (tests).</summary>
    internal ArticleReader(IOptions<SummarizerOptions> options, ArticleFormats formats, TimeSpan extractionBudget, TimeProvider timeProvider, ILogger logger)
    {
        this.options = options;
        this.formats = formats;
        this.extractionBudget = extractionBudget;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>What one Word or PDF document may cost to read.</summary>
    internal DocumentLimits DocumentLimits { get; init; } = DocumentLimits.Default;

    /// <param name="content">The uploaded bytes.</param>
    /// <param name="name">The blob or file name; its extension picks the format.</param>
    /// <param name="contentType">The blob's or request's content type, used when the name has no known extension.</param>
    /// <param name="title">A title given besides the content (it wins over one found in the document).</param>
    public ArticleReadResult Read(ReadOnlySpan<byte> content, string? name, string? contentType, string? title = null)
    {
        var limits = options.Value;
        if (content.Length > limits.MaxArticleBytes)
        {
            return TooLarge(content.Length, limits.MaxArticleBytes);
        }

        if (content.IsEmpty)
        {
            return ArticleReadResult.Rejected(
                ArticleErrorCodes.Empty, "The article is empty. Upload a file with the article's content.");
        }

        if (DocumentReader.Identify(content, name, contentType) is { } document)
        {
            return ReadDocument(content.ToArray(), document, title);
        }

        var format = formats.ByNameOrContentType(name, contentType);
        var extension = format is null ? ArticleFormats.ExtensionOf(name) : null;
        if (BinarySignatures.Identify(content, extension) is { } kind)
        {
            return ArticleReadResult.Rejected(
                ArticleErrorCodes.UnsupportedFormat,
                $"The file is {kind}, not an article. Upload the article as text (.txt), Markdown (.md), HTML (.html), JSON (.json), Word (.docx) or PDF (.pdf).");
        }

        var decoded = TextDecoder.Decode(content);
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

        format ??= formats.Sniff(decoded.Text);
        var extraction = BoundedExtraction.Run(format, decoded.Text, extractionBudget, timeProvider, out var failure);
        if (failure is not null)
        {
            LogExtractionFailed(logger, failure, format.Name, name);
        }
        else if (extraction.Error?.Code == ArticleErrorCodes.TooComplex)
        {
            LogTooComplex(logger, format.Name, name, extraction.Error.Message);
        }

        return (extraction.IsExtracted
            ? FromExtraction(extraction, decoded.Encoding, title)
            : ArticleReadResult.Rejected(extraction.Error.Code, extraction.Error.Message, decoded.Encoding)) with { Format = format.Name };
    }

    /// <summary>Word and PDF documents: binary formats, read by their own libraries instead of decoded as text.
    /// Extracted text passes the same garble, length and language checks as any other article.</summary>
    private ArticleReadResult ReadDocument(byte[] content, string format, string? title)
    {
        var extraction = DocumentReader.Extract(content, format, DocumentLimits);
        if (extraction.IsExtracted && GarbleCheck.IsGarbled(extraction.Text, out var reason))
        {
            extraction = FormatExtraction.Rejected(ArticleErrorCodes.GarbledText, $"The document's text is unreadable: {reason}.");
        }

        return (extraction.IsExtracted
            ? FromExtraction(extraction, null, title)
            : ArticleReadResult.Rejected(extraction.Error.Code, extraction.Error.Message)) with { Format = format };
    }

    public static ArticleReadResult TooLarge(long bytes, long limit) =>
        ArticleReadResult.Rejected(
            ArticleErrorCodes.TooLarge,
            $"The article is {bytes:N0} bytes; the limit is {limit:N0} bytes (setting Summarizer__MaxArticleBytes). " +
            "Split the article or raise the limit.");

    private ArticleReadResult FromExtraction(FormatExtraction extraction, string? encoding, string? title)
    {
        // Format characters go before anything counts, detects or hashes: the hash is of the text as summarised.
        var normalized = ArticleText.Normalize(ArticleText.RemoveFormatCharacters(extraction.Text!));
        var normalizedTitle = ArticleText.NormalizeTitle(string.IsNullOrWhiteSpace(title) ? extraction.Title : title);
        if (normalized.Length == 0)
        {
            return Empty(encoding);
        }

        var sha256 = ArticleText.Sha256(normalizedTitle is null ? normalized : normalizedTitle + "\n\n" + normalized);
        var words = ArticleText.CountWords(normalized);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Format} reader threw on article {Name}; rejected as extraction-failed")]
    private static partial void LogExtractionFailed(ILogger logger, Exception exception, string format, string? name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Name} ({Format}) rejected as too-complex: {Reason}")]
    private static partial void LogTooComplex(ILogger logger, string format, string? name, string reason);
}
