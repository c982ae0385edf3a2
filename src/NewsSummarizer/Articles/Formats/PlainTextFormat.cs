namespace NewsSummarizer.Articles.Formats;

/// <summary>Plain text: the text is the article. Also what anything unrecognised is read as.</summary>
public sealed class PlainTextFormat : IArticleFormat
{
    public string Name => "text";

    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text"];

    public IReadOnlyCollection<string> MediaTypes { get; } = ["text/plain"];

    public bool LooksLike(string text) => true;

    public FormatExtraction Extract(string text) => FormatExtraction.Extracted(text);
}
