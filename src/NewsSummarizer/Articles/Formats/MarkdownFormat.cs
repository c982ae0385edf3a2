using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace NewsSummarizer.Articles.Formats;

/// <summary>Markdown rendered to plain text with Markdig; the front matter's <c>title</c>, else a leading level-1
/// heading, becomes the title.</summary>
public sealed partial class MarkdownFormat : IArticleFormat
{
    // YAML front matter (Hugo, Jekyll, most CMS exports) is parsed as a block of its own and rendered as nothing.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public string Name => FormatRegistry.Markdown.Name;

    public bool ParsedOutOfProcess => true;

    public IReadOnlyCollection<string> Extensions => FormatRegistry.Markdown.Extensions;

    public IReadOnlyCollection<string> MediaTypes => FormatRegistry.Markdown.MediaTypes;

    /// <summary>YAML front matter, an ATX heading on the first line, or a Markdown link: plain prose rarely has any.</summary>
    public bool LooksLike(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var window = text.AsSpan(0, Math.Min(text.Length, 4096));

        // Every hint needs a leading "---" or "#", or a "](" somewhere: most prose has none, and these scans are
        // vectorised, where the linear-time regex walks the window character by character.
        return (window.StartsWith("---", StringComparison.Ordinal) || window.TrimStart().StartsWith('#') || window.Contains("](", StringComparison.Ordinal))
            && MarkdownHint().IsMatch(window);
    }

    public FormatExtraction Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (LinkScanCost(text) > ArticleLimits.MaxMarkdownLinkScan)
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.TooComplex,
                "The Markdown is too complex to read safely: it has runs of unclosed links (\"[a](\"). Upload the article's text.");
        }

        if (text.AsSpan().Count('\n') >= ArticleLimits.MaxMarkdownLines)
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.TooComplex,
                $"The Markdown is too complex to read safely: it has more than {ArticleLimits.MaxMarkdownLines:N0} lines. Upload the article's text, or split it.");
        }

        if (ContainerDepth(text) > ArticleLimits.MaxMarkdownNesting)
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.TooComplex,
                $"The Markdown is too complex to read safely: a line opens more than {ArticleLimits.MaxMarkdownNesting} nested block quotes or lists. Upload the article's text.");
        }

        var document = Markdown.Parse(text, Pipeline);
        var frontMatter = document.Count > 0 ? document[0] as YamlFrontMatterBlock : null;
        var title = frontMatter is null ? null : FrontMatterTitle(text.Substring(frontMatter.Span.Start, frontMatter.Span.Length));
        var body = frontMatter is null ? 0 : frontMatter.Span.End + 1;
        if (document.Count > (frontMatter is null ? 0 : 1) && document[frontMatter is null ? 0 : 1] is HeadingBlock { Level: 1 } heading)
        {
            title ??= Markdown.ToPlainText(text.Substring(heading.Span.Start, heading.Span.Length), Pipeline).Trim();
            body = heading.Span.End + 1;
        }

        // Front matter (and a leading heading used as the title) is metadata, never article text.
        var plain = Markdown.ToPlainText(text[Math.Min(body, text.Length)..], Pipeline);
        return string.IsNullOrWhiteSpace(plain)
            ? FormatExtraction.Rejected(ArticleErrorCodes.NoText, "The Markdown file has no text once rendered (only markup, front matter or a heading).")
            : FormatExtraction.Extracted(plain, title);
    }

    /// <summary>The <c>title</c> of YAML front matter (<c>title: …</c>, quoted or not, or a block scalar on the lines
    /// after it). Read line by line rather than with a YAML parser: the title is all we need, and a line scan cannot
    /// be made to expand aliases or recurse.</summary>
    internal static string? FrontMatterTitle(string frontMatter)
    {
        var lines = frontMatter.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("title:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = lines[i]["title:".Length..].Trim();
            if (value.Length == 0 || value[0] is '|' or '>')
            {
                var block = lines.Skip(i + 1).TakeWhile(line => line.Length == 0 || char.IsWhiteSpace(line[0])).Select(line => line.Trim());
                value = string.Join(' ', block).Trim();
            }
            else if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        return null;
    }

    /// <summary>The most block quotes and list items one line opens (<c>&gt; &gt; - 1. x</c> opens four). Markdig refuses
    /// deep nesting itself, but only after work that grows faster than the line: 500,000 <c>- </c> took over 20 s.</summary>
    internal static int ContainerDepth(string text)
    {
        var deepest = 0;
        var depth = 0;
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                atLineStart = true;
                depth = 0;
                continue;
            }

            if (!atLineStart || c is ' ' or '\t')
            {
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            if (c == '>' || (c is '-' or '*' or '+' && next is ' ' or '\t'))
            {
                deepest = Math.Max(deepest, ++depth);
                continue;
            }

            var digits = i;
            while (digits < text.Length && digits - i < 9 && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            if (digits > i && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] is ' ' or '\t')
            {
                deepest = Math.Max(deepest, ++depth);
                i = digits;
                continue;
            }

            atLineStart = false;
        }

        return deepest;
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

    [GeneratedRegex(@"\A---[ \t]*\r?\n[A-Za-z_][\w-]*:|\A\s*#{1,6}[ \t]+\S|\[[^\]\n]+\]\([^)\s]+\)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MarkdownHint();
}
