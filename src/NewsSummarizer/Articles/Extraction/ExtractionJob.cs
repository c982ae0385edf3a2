using NewsSummarizer.Articles.Documents;

namespace NewsSummarizer.Articles.Extraction;

/// <summary>One document for a third-party parser: the format it is read as and the bytes the parser reads (UTF-8
/// text for HTML and Markdown, the file itself for Word and PDF).</summary>
public sealed record ExtractionJob(string Format, ReadOnlyMemory<byte> Content)
{
    /// <summary>The HTML body of a JSON news item: only its text is wanted, the page around it is already read.</summary>
    public const string HtmlFragment = "html-fragment";

    /// <summary>Word and PDF: binary formats whose failures are <c>document-*</c> codes.</summary>
    public bool IsDocument => Format == DocumentReader.Pdf || Format == DocumentReader.Docx;
}
