namespace NewsSummarizer.Articles.Documents;

/// <summary>How much work one Word or PDF document may cost before it is rejected as
/// <see cref="ArticleErrorCodes.DocumentTooComplex"/>. The upload itself is already capped by
/// <c>Summarizer__MaxArticleBytes</c>; these bound what the bytes expand to.</summary>
public sealed record DocumentLimits
{
    public static DocumentLimits Default { get; } = new();

    /// <summary>Entries in a .docx zip (a real article has 10-30).</summary>
    public int MaxZipEntries { get; init; } = 1_000;

    /// <summary>Uncompressed bytes of all zip entries together, declared and actually read.</summary>
    public long MaxUncompressedBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>One XML part of a .docx (OpenXml holds it as a tree several times its size in memory).</summary>
    public long MaxXmlPartBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>XML elements across all parts of a .docx, empty ones included (a 300-page report has a few hundred
    /// thousand; OpenXml builds an object for each, so 32 MB of empty paragraphs took 685 MB).</summary>
    public long MaxXmlElements { get; init; } = 1_000_000;

    /// <summary>Uncompressed over compressed size of one entry; XML compresses 5-20x, bombs 1000x and more.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries smaller than this are not held to the ratio (tiny files compress oddly).</summary>
    public long RatioExemptBytes { get; init; } = 64 * 1024;

    /// <summary>Pages of a PDF.</summary>
    public int MaxPages { get; init; } = 500;

    /// <summary>Indirect objects of a PDF (counted in the raw bytes before PdfPig parses anything).</summary>
    public int MaxPdfObjects { get; init; } = 100_000;

    /// <summary>Nesting of PDF dictionaries and arrays (<c>&lt;&lt;</c>, <c>[</c>) and PdfPig's own stack depth.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Letters on one PDF page handed to layout analysis (a dense newspaper page has ~15,000; layout analysis of 20,000 takes about 2 s).</summary>
    public int MaxLettersPerPage { get; init; } = 20_000;

    /// <summary>Characters of extracted text, for any document.</summary>
    public int MaxTextChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Wall-clock time extraction may take; checked between pages and paragraphs.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(20);
}
