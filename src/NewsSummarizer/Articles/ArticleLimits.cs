namespace NewsSummarizer.Articles;

/// <summary>Bounds on the work one article may cost while it is read, so that no upload can crash, stall or monopolise
/// the service.</summary>
/// <remarks>Pre-scans enforce the structural limits before a format library sees the document; the extractor process's
/// CPU and memory limits (<see cref="Extraction.ExtractionOptions"/>) are the backstop for whatever a pre-scan cannot
/// foresee. docs/inputs.md lists them.</remarks>
public static class ArticleLimits
{
    /// <summary>Most HTML elements open at once. News pages nest 15 to 40 deep; AngleSharp recurses once per level
    /// and overflows the stack at a few thousand, and SmartReader's cost grows steeply with depth.</summary>
    public const int MaxHtmlDepth = 256;

    /// <summary>Most elements an HTML document (or a JSON item's HTML body) may build, re-created formatting elements
    /// included. A long news page has a few thousand; SmartReader needs about 6 s for 20,000.</summary>
    public const int MaxHtmlElements = 25_000;

    /// <summary>Most depth-weighted HTML content: each text character and element counts the square of its nesting
    /// depth. SmartReader's time grows with text times depth squared (64 KB of text inside 250 nested <c>div</c>s: 9 s
    /// of CPU); at this limit the worst document that passes costs about 4 s of CPU. A 1 MiB page whose text sits 30
    /// deep stays below it, real pages (20 to 100 KB of text, 10 to 25 deep) far below.</summary>
    public const long MaxHtmlNestingCost = 1_000_000_000;

    /// <summary>Most attributes on one HTML element. Real markup has a few, data-heavy widgets a few dozen; 100,000 on
    /// one element cost AngleSharp a minute of CPU (duplicate checks are quadratic).</summary>
    public const int MaxHtmlAttributesPerElement = 1_000;

    /// <summary>Most HTML comments in a document. A saved news page has tens to hundreds.</summary>
    public const int MaxHtmlComments = 20_000;

    /// <summary>Most lines a Markdown document may have. A long article has a few thousand; each line can open a
    /// block Markdig keeps a tree node (and a line list) for, so a 1 MiB list of one-letter items built 431 MB.</summary>
    public const int MaxMarkdownLines = 50_000;

    /// <summary>Deepest JSON nesting read (objects and arrays).</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Most block quotes and list items one Markdown line may open. Articles use two or three.</summary>
    public const int MaxMarkdownNesting = 32;

    /// <summary>Most characters Markdig may scan forward for link destinations and titles (the sum, over every
    /// <c>](</c>, of the distance to the next space and to the next <c>)</c>). A link costs tens of characters; runs of
    /// unclosed <c>[a](</c> cost the rest of the paragraph each, quadratic in the file's size.</summary>
    public const long MaxMarkdownLinkScan = 20_000_000;

    /// <summary>Longest title kept (characters); longer titles are cut at a word boundary.</summary>
    public const int MaxTitleLength = 500;

}
