using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Extraction;

/// <summary>Runs the third-party parsers (PdfPig, OpenXml, SmartReader/AngleSharp, Markdig) on an article. In every
/// host this is <see cref="ExtractorPool"/>: the parsers run in separate processes that can be killed.</summary>
public interface IArticleExtractor
{
    /// <summary>The text and metadata the parser found, or the rejection that says why there is none. Throws
    /// <see cref="ExtractorUnavailableException"/> only when no extractor can run at all (nothing about the document).</summary>
    ValueTask<FormatExtraction> ExtractAsync(ExtractionJob job, CancellationToken cancellationToken);
}
