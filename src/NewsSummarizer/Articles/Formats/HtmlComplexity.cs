namespace NewsSummarizer.Articles.Formats;

/// <summary>A linear pre-scan of HTML that estimates the tree an HTML5 parser will build, so a document the parser
/// or SmartReader cannot survive is rejected before either sees it. AngleSharp recurses once per nesting level
/// (tens of thousands of nested <c>&lt;b&gt;</c> overflow the stack, which no catch can stop), SmartReader's cost grows
/// faster than linearly with depth and element count, and formatting elements left open are re-created in every
/// later block (300 unclosed <c>&lt;b id=…&gt;</c> and 10,000 paragraphs build 3 million elements from 83 KB).
/// The scan keeps a stack of open elements with the parser's common implied closings (<c>p</c>, <c>li</c>, table
/// parts, scoped end tags), so ordinary sloppy HTML is not over-counted, while every construct that grows the real
/// tree grows the estimate. It stops as soon as a limit is passed.</summary>
internal static class HtmlComplexity
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr", "image",
    };

    // Elements whose content the tokenizer reads as text up to their own end tag. Not <noscript>: with scripting
    // off (AngleSharp's default) its content is parsed as markup.
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    private static readonly HashSet<string> FormattingElements = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // Start tags that close an open <p> (HTML5 tree construction, "in body").
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt", "listing",
    };

    private static readonly HashSet<string> ScopeBoundaries = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    };

    private static readonly HashSet<string> TableScopeBoundaries = new(StringComparer.Ordinal) { "html", "table", "template" };

    private static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    /// <summary>Why the document exceeds a limit, or <c>null</c> when it is within both.</summary>
    /// <param name="html">The decoded document or fragment.</param>
    /// <param name="maxDepth">Most elements open at once (nesting depth).</param>
    /// <param name="maxElements">Most elements the parser would create, re-created formatting elements included.</param>
    /// <param name="maxNestingCost">Most depth-weighted content: every text character and element counts the square of
    /// the depth it sits at (SmartReader re-reads a node's text for each ancestor, and more often the deeper it is).</param>
    public static string? Exceeds(string html, int maxDepth, int maxElements, long maxNestingCost = ArticleLimits.MaxHtmlNestingCost)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scan = new Scan(maxDepth, maxElements, maxNestingCost);
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

        return scan.Problem;
    }

    /// <summary>Reads the markup at <paramref name="i"/> (a <c>&lt;</c>) and returns where scanning goes on.</summary>
    private static int Step(string html, int i, Scan scan)
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

        var key = FormattingElements.Contains(name) ? html[i..tagEnd].ToLowerInvariant() : name;
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

    private sealed class Scan(int maxDepth, int maxElements, long maxNestingCost)
    {
        // An element weighs as much as this many characters of text at its depth.
        private const int ElementWeight = 16;

        private readonly List<(string Name, string Key)> open = [];

        // Formatting elements closed implicitly (by a block's end tag) stay in the parser's list of active formatting
        // elements, and the parser re-creates each of them before the next text or element: at most three with the
        // same tag and attributes (the "Noah's Ark" clause), any number with different attributes.
        private readonly Dictionary<string, int> danglingByKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> danglingByName = new(StringComparer.Ordinal);
        private int dangling;
        private int foreign;
        private long elements;
        private long nestingCost;
        private int comments;

        public string? Problem { get; private set; }

        public void Text(int length) => Weigh(length);

        /// <summary>A comment: the parser builds a node for each (HTML 13.2.5.43, comment state).</summary>
        public void Comment()
        {
            if (++comments > ArticleLimits.MaxHtmlComments)
            {
                Problem ??= $"it has more than {ArticleLimits.MaxHtmlComments:N0} comments";
            }
        }

        /// <summary>The attributes of one start tag: the parser builds each, and checks each name against the others
        /// (HTML 13.2.5.33, attribute name state: a duplicate is dropped), which costs the square of their number.</summary>
        public void Attributes(int count)
        {
            if (count > ArticleLimits.MaxHtmlAttributesPerElement)
            {
                Problem ??= $"an element has more than {ArticleLimits.MaxHtmlAttributesPerElement:N0} attributes";
            }
        }

        public void Start(string name, string key, bool selfClosing)
        {
            Count(1 + dangling);
            Weigh((1 + dangling) * ElementWeight);
            if (name is "html" or "head" or "body" or "frameset" || VoidElements.Contains(name) || (selfClosing && foreign > 0))
            {
                return;
            }

            ImpliedEnds(name);
            open.Add((name, key));
            foreign += name is "svg" or "math" ? 1 : 0;
            if (open.Count > maxDepth)
            {
                Problem = $"its elements nest more than {maxDepth:N0} levels deep";
            }
        }

        public void End(string name)
        {
            if (name is "html" or "body" or "head")
            {
                return;
            }

            if (name is "p" or "br")
            {
                // Without an open <p>, </p> creates an empty paragraph and </br> is a line break.
                if (name == "br" || !CloseInScope("p", "button"))
                {
                    Count(1);
                }

                return;
            }

            if (FormattingElements.Contains(name))
            {
                var at = Find(name, ScopeBoundaries);
                if (at < 0)
                {
                    if (danglingByName.GetValueOrDefault(name) > 0)
                    {
                        danglingByName[name]--;
                        dangling--;
                    }
                }
                else if (at == open.Count - 1)
                {
                    PopTo(at, explicitly: true);
                }
                else
                {
                    // Misnested (<b><div></b>): the adoption agency moves elements rather than closing them.
                    open.RemoveAt(at);
                }

                return;
            }

            var boundaries = name is "table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" or "caption"
                ? TableScopeBoundaries
                : ScopeBoundaries;
            var index = name == "li" ? FindListItem() : Find(name, boundaries);
            if (index >= 0)
            {
                PopTo(index, explicitly: false);
                if (name is "td" or "th" or "caption" or "table" or "object" or "marquee" or "applet" or "template")
                {
                    // The list of active formatting elements is cleared up to the marker these elements set.
                    ClearDangling();
                }
            }
        }

        private void ImpliedEnds(string name)
        {
            if (ClosesParagraph.Contains(name))
            {
                CloseInScope("p", "button");
            }

            switch (name)
            {
                case "li":
                    if (FindListItem() is var li and >= 0)
                    {
                        PopTo(li, explicitly: false);
                    }

                    break;
                case "dd" or "dt":
                    CloseNearest(n => n is "dd" or "dt", ScopeBoundaries, "dl");
                    break;
                case "tr":
                    CloseNearest(n => n == "tr", TableScopeBoundaries);
                    break;
                case "td" or "th":
                    CloseNearest(n => n is "td" or "th", TableScopeBoundaries, "tr");
                    break;
                case "tbody" or "thead" or "tfoot":
                    CloseNearest(n => n is "tbody" or "thead" or "tfoot", TableScopeBoundaries);
                    break;
                case "option":
                    CloseNearest(n => n == "option", ScopeBoundaries, "select");
                    break;
                case "optgroup":
                    CloseNearest(n => n is "option" or "optgroup", ScopeBoundaries, "select");
                    break;
                case "a" or "nobr":
                    // A second <a> closes the first (the adoption agency), it does not nest in it.
                    if (Find(name, ScopeBoundaries) is var a and >= 0)
                    {
                        open.RemoveAt(a);
                    }

                    break;
                default:
                    if (Headings.Contains(name) && open.Count > 0 && Headings.Contains(open[^1].Name))
                    {
                        PopTo(open.Count - 1, explicitly: true);
                    }

                    break;
            }
        }

        private bool CloseInScope(string name, string extraBoundary)
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (open[i].Name == name)
                {
                    PopTo(i, explicitly: false);
                    return true;
                }

                if (open[i].Name == extraBoundary || ScopeBoundaries.Contains(open[i].Name))
                {
                    return false;
                }
            }

            return false;
        }

        private void CloseNearest(Func<string, bool> matches, HashSet<string> boundaries, string? extraBoundary = null)
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (matches(open[i].Name))
                {
                    PopTo(i, explicitly: false);
                    return;
                }

                if (open[i].Name == extraBoundary || boundaries.Contains(open[i].Name))
                {
                    return;
                }
            }
        }

        private int FindListItem()
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (open[i].Name == "li")
                {
                    return i;
                }

                if (open[i].Name is "ol" or "ul" || ScopeBoundaries.Contains(open[i].Name))
                {
                    return -1;
                }
            }

            return -1;
        }

        private int Find(string name, HashSet<string> boundaries)
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (open[i].Name == name)
                {
                    return i;
                }

                if (boundaries.Contains(open[i].Name))
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>Closes the element at <paramref name="index"/> and everything opened inside it.</summary>
        private void PopTo(int index, bool explicitly)
        {
            for (var i = open.Count - 1; i >= index; i--)
            {
                var (name, key) = open[i];
                foreign -= name is "svg" or "math" ? 1 : 0;
                if (FormattingElements.Contains(name) && !(explicitly && i == index) && danglingByKey.GetValueOrDefault(key) < 3)
                {
                    danglingByKey[key] = danglingByKey.GetValueOrDefault(key) + 1;
                    danglingByName[name] = danglingByName.GetValueOrDefault(name) + 1;
                    dangling++;
                }
            }

            open.RemoveRange(index, open.Count - index);
        }

        private void ClearDangling()
        {
            danglingByKey.Clear();
            danglingByName.Clear();
            dangling = 0;
        }

        private void Weigh(long characters)
        {
            var depth = open.Count + 1L;
            nestingCost += characters * depth * depth;
            if (nestingCost > maxNestingCost && Problem is null)
            {
                Problem = $"its content sits too deep for its size (depth-weighted size above {maxNestingCost:N0})";
            }
        }

        private void Count(long created)
        {
            elements += created;
            if (elements > maxElements && Problem is null)
            {
                Problem = $"it has more than {maxElements:N0} elements";
            }
        }
    }
}
