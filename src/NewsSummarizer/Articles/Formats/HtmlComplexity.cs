namespace NewsSummarizer.Articles.Formats;

/// <summary>A linear pre-scan of HTML that estimates the tree an HTML5 parser will build, so a document the parser or
/// SmartReader cannot survive is rejected before either sees it.</summary>
/// <remarks>AngleSharp recurses once per nesting level (tens of thousands of nested <c>&lt;b&gt;</c> overflow the
/// stack, which no catch can stop), SmartReader's cost grows faster than linearly with depth and element count, and
/// formatting elements left open are re-created in every later block (300 unclosed <c>&lt;b id=…&gt;</c> and 10,000
/// paragraphs build 3 million elements from 83 KB). The scan keeps a stack of open elements with the parser's common
/// implied closings (<c>p</c>, <c>li</c>, table parts, scoped end tags), so ordinary sloppy HTML is not over-counted,
/// while every construct that grows the real tree grows the estimate. It stops as soon as a limit is passed.</remarks>
internal static class HtmlComplexity
{
    // Elements whose content the tokenizer reads as text up to their own end tag. Not <noscript>: with scripting
    // off (AngleSharp's default) its content is parsed as markup.
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>Why the document exceeds a limit, or <c>null</c> when it is within both.</summary>
    /// <param name="html">The decoded document or fragment.</param>
    /// <param name="maxDepth">Most elements open at once (nesting depth).</param>
    /// <param name="maxElements">Most elements the parser would create, re-created formatting elements included.</param>
    /// <param name="maxNestingCost">Most depth-weighted content: every text character and element counts the square of
    /// the depth it sits at (SmartReader re-reads a node's text for each ancestor, and more often the deeper it is).</param>
    public static string? Exceeds(string html, int maxDepth, int maxElements, long maxNestingCost = ArticleLimits.MaxHtmlNestingCost) =>
        Scan(html, new HtmlTreeEstimate(maxDepth, maxElements, maxNestingCost)).Problem;

    /// <summary>The tree the scan estimates for <paramref name="html"/> without depth, element or size limits (the
    /// attribute and comment limits still stop it): what the estimate is checked against a real parser with.</summary>
    public static HtmlTreeEstimate Estimate(string html) => Scan(html, new HtmlTreeEstimate(int.MaxValue, int.MaxValue, long.MaxValue));

    private static HtmlTreeEstimate Scan(string html, HtmlTreeEstimate scan)
    {
        ArgumentNullException.ThrowIfNull(html);
        var i = 0;
        var textStart = 0;
        while (scan.Problem is null && (i = html.IndexOf('<', i)) >= 0)
        {
            scan.Text(i - textStart);
            i = Step(html, i, scan);
            textStart = i;
        }

        if (scan.Problem is null)
        {
            scan.Text(html.Length - Math.Min(textStart, html.Length));
        }

        return scan;
    }

    /// <summary>Reads the markup at <paramref name="i"/> (a <c>&lt;</c>) and returns where scanning goes on.</summary>
    private static int Step(string html, int i, HtmlTreeEstimate scan)
    {
        var rest = html.AsSpan(i);
        if (rest.StartsWith("<!--", StringComparison.Ordinal))
        {
            // As the tokenizer reads comments: "<!-->" and "<!--->" are whole (empty) comments, and "--!>" ends one
            // as "-->" does. Reading further than the tokenizer would hide markup from the scan.
            scan.Comment();
            if (rest.StartsWith("<!-->", StringComparison.Ordinal) || rest.StartsWith("<!--->", StringComparison.Ordinal))
            {
                return i + (rest[4] == '>' ? 5 : 6);
            }

            var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
            var bang = html.IndexOf("--!>", i + 4, StringComparison.Ordinal);
            return close < 0 && bang < 0 ? html.Length
                : bang < 0 || (close >= 0 && close < bang) ? close + 3
                : bang + 4;
        }

        if (rest.Length > 1 && rest[1] is '!' or '?')
        {
            return SkipPast(html, i + 2, ">");
        }

        var isEnd = rest.Length > 1 && rest[1] == '/';
        var nameStart = i + (isEnd ? 2 : 1);
        if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
        {
            return i + 1;
        }

        var nameEnd = nameStart;
        while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
        {
            nameEnd++;
        }

        var tagEnd = TagEnd(html, nameEnd, out var attributes);
        if (tagEnd < 0)
        {
            return html.Length;
        }

        scan.Attributes(attributes);

        var name = html[nameStart..nameEnd].ToLowerInvariant();
        if (isEnd)
        {
            scan.End(name);
            return tagEnd + 1;
        }

        var key = HtmlTreeEstimate.FormattingElements.Contains(name) ? html[i..tagEnd].ToLowerInvariant() : name;
        scan.Start(name, key, selfClosing: html[tagEnd - 1] == '/');
        if (RawTextElements.Contains(name))
        {
            var close = html.IndexOf("</" + name, tagEnd + 1, StringComparison.OrdinalIgnoreCase);
            return close < 0 ? html.Length : close;
        }

        return name == "plaintext" ? html.Length : tagEnd + 1;
    }

    private static int SkipPast(string html, int from, string terminator)
    {
        var end = html.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + terminator.Length;
    }

    /// <summary>The index of the <c>&gt;</c> that ends a tag, skipping quoted attribute values; -1 if none. A quote
    /// starts a value only right after <c>=</c> (and white space), as in the tokenizer: <c>href=x'y</c> is unquoted.
    /// <paramref name="attributes"/> counts the runs that start after white space (each attribute is at least one).</summary>
    private static int TagEnd(string html, int from, out int attributes)
    {
        attributes = 0;
        var afterSpace = false;
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (c == '>')
            {
                return j;
            }

            if (char.IsWhiteSpace(c))
            {
                afterSpace = true;
                continue;
            }

            if (afterSpace && c is not ('=' or '/'))
            {
                attributes++;
            }

            afterSpace = false;

            if (c != '=')
            {
                continue;
            }

            var k = j + 1;
            while (k < html.Length && char.IsWhiteSpace(html[k]))
            {
                k++;
            }

            if (k < html.Length && html[k] is '"' or '\'')
            {
                var close = html.IndexOf(html[k], k + 1);
                if (close < 0)
                {
                    return -1;
                }

                j = close;
            }
        }

        return -1;
    }
}
