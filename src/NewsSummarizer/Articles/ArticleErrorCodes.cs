namespace NewsSummarizer.Articles;

/// <summary>The <c>error.code</c> values of <c>rejected</c> results for input that can never be summarised.
/// docs/inputs.md lists them with what the user should do.</summary>
public static class ArticleErrorCodes
{
    /// <summary>No bytes, or only white space.</summary>
    public const string Empty = "empty";

    /// <summary>Fewer words than <c>Summarizer__MinArticleWords</c>.</summary>
    public const string TooShort = "too-short";

    /// <summary>More bytes than <c>Summarizer__MaxArticleBytes</c>.</summary>
    public const string TooLarge = "too-large";

    /// <summary>An image, archive, document or other binary format we do not read.</summary>
    public const string UnsupportedFormat = "unsupported-format";

    /// <summary>Bytes that are not text (NUL bytes) and match no known format.</summary>
    public const string BinaryContent = "binary-content";

    /// <summary>Neither valid UTF-8/UTF-16 nor Arabic in Windows-1256 or ISO-8859-6.</summary>
    public const string UnsupportedEncoding = "unsupported-encoding";

    /// <summary>Decodes, but to mostly replacement characters, control characters or mojibake.</summary>
    public const string GarbledText = "garbled-text";

    /// <summary>A structured file (HTML, Markdown, JSON) that holds no article text once extracted.</summary>
    public const string NoText = "no-text";

    /// <summary>A document whose structure exceeds a limit of <see cref="ArticleLimits"/> (nesting depth, element count,
    /// Markdown link scanning) or whose extraction outlasts the extractor's CPU budget (<c>Extraction__CpuBudgetSeconds</c>).</summary>
    public const string TooComplex = "too-complex";

    /// <summary>A format library (SmartReader/AngleSharp, Markdig) failed on the document.</summary>
    public const string ExtractionFailed = "extraction-failed";

    /// <summary>The extractor process reading the document ended abnormally (a parser's stack overflow, a native
    /// crash); the process is replaced and nothing else is affected.</summary>
    public const string ExtractionCrashed = "extraction-crashed";

    /// <summary>Reading the document needed more memory than one extractor process may hold
    /// (<c>Extraction__MemoryLimitMegabytes</c>).</summary>
    public const string TooLargeInMemory = "too-large-in-memory";

    /// <summary>A <c>.json</c> file that is not valid JSON (or nests deeper than we read).</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>Valid JSON that is not a news item: not an object, or no text field.</summary>
    public const string UnsupportedJson = "unsupported-json";

    /// <summary>A Word or PDF document that needs a password to open.</summary>
    public const string EncryptedDocument = "encrypted-document";

    /// <summary>A Word or PDF document whose structure cannot be read (truncated, damaged or not what it claims).</summary>
    public const string CorruptDocument = "corrupt-document";

    /// <summary>A Word or PDF document beyond the reading limits: pages, zip entries, uncompressed size, compression
    /// ratio (zip bombs), nesting depth, element counts or the extractor's CPU budget.</summary>
    public const string DocumentTooComplex = "document-too-complex";

    /// <summary>A PDF whose pages carry no text layer (scanned images): it needs OCR first.</summary>
    public const string NoTextLayer = "no-text-layer";

    /// <summary>A PDF whose text layer is still unreadable after repair (missing Unicode maps, broken Arabic).</summary>
    public const string PdfTextUnreadable = "pdf-text-unreadable";
}
