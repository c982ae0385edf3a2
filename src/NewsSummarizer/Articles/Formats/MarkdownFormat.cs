using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace NewsSummarizer.Articles.Formats;

/// <summary>Markdown rendered to plain text with Markdig; a leading level-1 heading becomes the title.</summary>
public sealed partial class MarkdownFormat : IArticleFormat
{
    public string Name => "markdown";

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public IReadOnlyCollection<string> MediaTypes { get; } = ["text/markdown", "text/x-markdown"];

    /// <summary>An ATX heading on the first line, or a Markdown link: plain prose rarely has either.</summary>
    public bool LooksLike(string text) => MarkdownHint().IsMatch(text.AsSpan(0, Math.Min(text.Length, 4096)));

    public FormatExtraction Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (LinkScanCost(text) > ArticleLimits.MaxMarkdownLinkScan)
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.TooComplex,
                "The Markdown is too complex to read safely: it has runs of unclosed links (\"[a](\"). Upload the article's text.");
        }

        var document = Markdown.Parse(text);
        string? title = null;
        if (document.Count > 0 && document[0] is HeadingBlock { Level: 1 } heading)
        {
            title = Markdown.ToPlainText(text.Substring(heading.Span.Start, heading.Span.Length)).Trim();
            text = text[(heading.Span.End + 1)..];
        }

        var plain = Markdown.ToPlainText(text);
        return string.IsNullOrWhiteSpace(plain)
            ? FormatExtraction.Rejected(ArticleErrorCodes.NoText, "The Markdown file has no text once rendered (only markup or a heading).")
            : FormatExtraction.Extracted(plain, title);
    }

    /// <summary>How far Markdig scans forward for link destinations and titles, summed over every <c>](</c>: up to the
    /// next white space (the destination) and the next <c>)</c> (a title in parentheses). Linear to compute; what it
    /// measures is quadratic in a run of unclosed <c>[a](</c> or <c>[ (](</c>.</summary>
    internal static long LinkScanCost(string text)
    {
        long cost = 0;
        int nextSpace = text.Length, nextParen = text.Length;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                nextSpace = i;
            }
            else if (c == ')')
            {
                nextParen = i;
            }
            else if (c == ']' && i + 1 < text.Length && text[i + 1] == '(')
            {
                cost += nextSpace - i + (nextParen - i);
            }
        }

        return cost;
    }

    [GeneratedRegex(@"\A\s*#{1,6}[ \t]+\S|\[[^\]\n]+\]\([^)\s]+\)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MarkdownHint();
}
