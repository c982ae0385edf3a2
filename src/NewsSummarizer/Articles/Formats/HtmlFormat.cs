using System.Text.RegularExpressions;

namespace NewsSummarizer.Articles.Formats;

/// <summary>HTML pages: SmartReader (a port of Mozilla's Readability) keeps the main content and drops scripts,
/// styles, navigation and boilerplate; the page title becomes the article's title. No page is ever downloaded.</summary>
public sealed partial class HtmlFormat : IArticleFormat
{
    // SmartReader resolves relative links against a page address; the content never comes from it.
    private static readonly Uri PlaceholderUrl = new("https://article.invalid/");

    public string Name => FormatRegistry.Html.Name;

    public bool ParsedOutOfProcess => true;

    public IReadOnlyCollection<string> Extensions => FormatRegistry.Html.Extensions;

    public IReadOnlyCollection<string> MediaTypes => FormatRegistry.Html.MediaTypes;

    public bool LooksLike(string text) => HtmlStart().IsMatch(text.AsSpan(0, Math.Min(text.Length, 1024)));

    public FormatExtraction Extract(string text)
    {
        if (TooComplex(text) is { } rejection)
        {
            return rejection;
        }

        var (plain, title) = ExtractText(text);
        return string.IsNullOrWhiteSpace(plain)
            ? FormatExtraction.Rejected(
                ArticleErrorCodes.NoText,
                "The HTML page has no article text once scripts, styles, navigation and boilerplate are removed.")
            : FormatExtraction.Extracted(plain, title);
    }

    /// <summary>A <c>too-complex</c> rejection when the document would nest deeper or build more elements than
    /// <see cref="ArticleLimits"/> allow; <c>null</c> when it may be parsed. Call before <see cref="ExtractText"/>.</summary>
    private static FormatExtraction? TooComplex(string html)
    {
        var problem = HtmlComplexity.Exceeds(html, ArticleLimits.MaxHtmlDepth, ArticleLimits.MaxHtmlElements);
        return problem is null
            ? null
            : FormatExtraction.Rejected(
                ArticleErrorCodes.TooComplex,
                $"The HTML is too complex to read safely: {problem}. Upload the article's text, or simpler HTML.");
    }

    /// <summary>The text of an HTML fragment (a JSON news item's body); its title, if any, is not the article's.</summary>
    public static FormatExtraction ExtractFragment(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return TooComplex(html) ?? FormatExtraction.Extracted(ExtractText(html).Text);
    }

    /// <summary>Main-content text and title of an HTML document or fragment that passed <see cref="TooComplex"/>.</summary>
    private static (string Text, string? Title) ExtractText(string html)
    {
        var article = new SmartReader.Reader(PlaceholderUrl.AbsoluteUri, html).GetArticle();
        return (article.TextContent ?? string.Empty, string.IsNullOrWhiteSpace(article.Title) ? null : article.Title);
    }

    /// <summary>Whether a string (e.g. a JSON body) carries HTML paragraphs or line breaks rather than plain text.</summary>
    internal static bool LooksLikeMarkup(string text) => MarkupHint().IsMatch(text);

    // Both patterns run on user data: NonBacktracking keeps them linear in the input whatever it holds (the sniffer's
    // former backtracking form took 25 s on thirty empty comments followed by a non-tag).
    [GeneratedRegex(@"<(p|br|div|h[1-6]|article)[\s>/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MarkupHint();

    /// <summary>A doctype or one of the elements an HTML document or article fragment starts with.</summary>
    [GeneratedRegex(@"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6])[\s>/]",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HtmlStart();
}
