namespace NewsSummarizer.Articles.Formats;

/// <summary>The end tags the parser implies before a start tag and the scopes it searches (HTML 13.2.4.2, "has an
/// element in scope"; 13.2.6.4.7, the "in body" insertion mode), on the open elements of the estimate.</summary>
internal sealed partial class HtmlTreeEstimate
{
    /// <summary>Start tags that close an open <c>p</c> in button scope (13.2.6.4.7: "address", "article", … and the
    /// headings, lists and <c>hr</c>).</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt", "listing",
    };

    /// <summary>Start tags that do not reconstruct the active formatting elements before they are inserted (13.2.6.4.7:
    /// the blocks that close a paragraph, and the tags processed as in head, in table or ignored in body); every other
    /// start tag does.</summary>
    private static readonly HashSet<string> NoReconstruction = new(ClosesParagraph.Concat(
    [
        "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template", "title", "textarea", "iframe",
        "noembed", "noscript", "param", "source", "track", "plaintext", "caption", "col", "colgroup", "frame", "tbody", "td", "tfoot",
        "th", "thead", "tr", "rb", "rp", "rt", "rtc",
    ]), StringComparer.Ordinal);

    /// <summary>The boundaries of "has an element in scope" (13.2.4.2, the default scope, without the MathML and SVG
    /// integration points).</summary>
    private static readonly HashSet<string> ScopeBoundaries = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    };

    /// <summary>The boundaries of "has an element in table scope" (13.2.4.2).</summary>
    private static readonly HashSet<string> TableScopeBoundaries = new(StringComparer.Ordinal) { "html", "table", "template" };

    /// <summary>A heading start tag closes an open heading (13.2.6.4.7: "h1", …, "h6").</summary>
    private static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

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

        ImpliedTableParts(name);
    }

    /// <summary>A row directly in a table gets a <c>tbody</c>, a cell directly in a table or section a <c>tr</c>
    /// (13.2.6.4.9, "in table": "tr" inserts a "tbody"; 13.2.6.4.13, "in table body": "td", "th" insert a "tr").</summary>
    private void ImpliedTableParts(string name)
    {
        var current = open.Count > 0 ? open[^1].Name : null;
        if ((name is "tr" or "td" or "th") && current == "table")
        {
            Implied("tbody");
            current = "tbody";
        }

        if ((name is "td" or "th") && current is "tbody" or "thead" or "tfoot")
        {
            Implied("tr");
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
}
