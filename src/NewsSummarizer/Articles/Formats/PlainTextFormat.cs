namespace NewsSummarizer.Articles.Formats;

/// <summary>Plain text: the text is the article. Also what anything unrecognised is read as.</summary>
public sealed class PlainTextFormat : IArticleFormat
{
    public string Name => FormatRegistry.Text.Name;

    public bool ParsedOutOfProcess => false;

    public IReadOnlyCollection<string> Extensions => FormatRegistry.Text.Extensions;

    /// <summary>None: <c>text/plain</c> is what clients send when they do not know (curl, editors, HTTP clients), so a
    /// body or blob that only says <c>text/plain</c> is sniffed, and Markdown or HTML in it loses its markup.
    /// A <c>.txt</c> name still means plain text.</summary>
    public IReadOnlyCollection<string> MediaTypes { get; } = [];

    public bool LooksLike(string text) => true;

    public FormatExtraction Extract(string text) => FormatExtraction.Extracted(text);
}
