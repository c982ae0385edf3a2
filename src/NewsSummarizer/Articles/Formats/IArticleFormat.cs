namespace NewsSummarizer.Articles.Formats;

/// <summary>One input format: how it is recognised (extension, media type, content) and how its article text is
/// extracted from the decoded characters.</summary>
public interface IArticleFormat
{
    /// <summary>A short name for logs and messages, e.g. <c>html</c>.</summary>
    string Name { get; }

    /// <summary>File extensions with the dot, lower case, e.g. <c>.htm</c>.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Media types without parameters, lower case, e.g. <c>text/html</c>.</summary>
    IReadOnlyCollection<string> MediaTypes { get; }

    /// <summary>Whether <see cref="Extract"/> hands the text to a third-party parser (AngleSharp, Markdig): such
    /// formats are read in an extractor process, never in the host.</summary>
    bool ParsedOutOfProcess { get; }

    /// <summary>Whether text whose name and media type say nothing looks like this format.</summary>
    bool LooksLike(string text);

    /// <summary>The article text and metadata of a document in this format, or why it holds no article.</summary>
    FormatExtraction Extract(string text);
}
