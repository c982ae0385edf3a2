namespace NewsSummarizer.Articles.Formats;

/// <summary>The tree an HTML5 parser would build from the tags <see cref="HtmlComplexity"/> reads: open elements,
/// formatting elements re-created after implied closings, and the counts and depth-weighted size it is held to.</summary>
/// <remarks>The implied closings of the "in body" insertion mode are in <c>HtmlTreeEstimate.ImpliedEnds.cs</c>.</remarks>
internal sealed partial class HtmlTreeEstimate(int maxDepth, int maxElements, long maxNestingCost)
{
    /// <summary>Void elements (HTML 13.1.2): never open, so they never nest.</summary>
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr", "image",
    };

    /// <summary>The formatting elements (HTML 13.2.4.3, the list of active formatting elements): left open, they are
    /// re-created before later content.</summary>
    public static readonly HashSet<string> FormattingElements = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // An element weighs as much as this many characters of text at its depth.
    private const int ElementWeight = 16;

    private readonly List<(string Name, string Key)> open = [];

    // Formatting elements closed implicitly (by a block's end tag) stay in the parser's list of active formatting
    // elements, and the parser re-creates them, open again, before the next text or phrasing start tag (13.2.4.3,
    // "reconstruct the active formatting elements"): at most three with the same tag and attributes (the "Noah's
    // Ark" clause), any number with different attributes. A cell, caption, object, marquee, applet or template sets
    // a marker: what was dangling outside it waits until it closes.
    private readonly Stack<DanglingFormatting> markers = new();
    private DanglingFormatting dangling = new();
    private int foreign;
    private long elements;
    private long nestingCost;
    private int comments;

    public string? Problem { get; private set; }

    /// <summary>Elements the parser would create so far, re-created formatting elements included.</summary>
    public long Elements => elements;

    /// <summary>The most elements open at once so far (below <c>html</c> and <c>body</c>).</summary>
    public int MaxDepth { get; private set; }

    public void Text(int length)
    {
        if (length > 0)
        {
            Reconstruct();
        }

        Weigh(length);
    }

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
        if (name is "html" or "head" or "body")
        {
            // The parser has exactly one of each; a tag only adds attributes to it (HTML 13.2.6.4.7, "in body").
            return;
        }

        if (name is "frameset" || (selfClosing && foreign > 0))
        {
            Leaf();
            return;
        }

        // A void element closes what a start tag closes (<hr> ends a paragraph), then sits as a leaf.
        ImpliedEnds(name);
        if (!NoReconstruction.Contains(name))
        {
            Reconstruct();
        }

        if (VoidElements.Contains(name))
        {
            Leaf();
            return;
        }

        Implied(name, key);
        if (IsMarker(name))
        {
            markers.Push(dangling);
            dangling = new DanglingFormatting();
        }

        foreign += name is "svg" or "math" ? 1 : 0;
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
            if (name == "br")
            {
                Reconstruct(); // as a <br> start tag
            }

            if (name == "br" || !CloseInScope("p", "button"))
            {
                Leaf();
            }

            return;
        }

        if (FormattingElements.Contains(name))
        {
            var at = Find(name, ScopeBoundaries);
            if (at < 0)
            {
                // Not open: the adoption agency drops it from the list of active formatting elements.
                dangling.RemoveLast(name);
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
        }
    }

    /// <summary>An element that never opens (void, or self-closed in foreign content): a leaf where it appears.</summary>
    private void Leaf()
    {
        Count(1);
        Weigh(ElementWeight);
        MaxDepth = Math.Max(MaxDepth, open.Count + 1);
    }

    /// <summary>Opens an element: a start tag's, or one the parser inserts without a tag (<paramref name="key"/> <c>null</c>).</summary>
    private void Implied(string name, string? key = null)
    {
        Count(1);
        Weigh(ElementWeight);
        open.Add((name, key ?? name));
        MaxDepth = Math.Max(MaxDepth, open.Count);
        if (open.Count > maxDepth)
        {
            Problem ??= $"its elements nest more than {maxDepth:N0} levels deep";
        }
    }

    /// <summary>Closes the element at <paramref name="index"/> and everything opened inside it: formatting elements
    /// closed implicitly dangle, and closing a marker element clears the list back to that marker.</summary>
    private void PopTo(int index, bool explicitly)
    {
        for (var i = open.Count - 1; i >= index; i--)
        {
            var (name, key) = open[i];
            foreign -= name is "svg" or "math" ? 1 : 0;
            if (IsMarker(name))
            {
                dangling = markers.Count > 0 ? markers.Pop() : new DanglingFormatting();
            }
            else if (FormattingElements.Contains(name) && !(explicitly && i == index))
            {
                dangling.Add(name, key);
            }
        }

        open.RemoveRange(index, open.Count - index);
    }

    /// <summary>Opens again every formatting element that dangles (13.2.4.3), each a new element.</summary>
    private void Reconstruct()
    {
        if (dangling.IsEmpty)
        {
            return;
        }

        foreach (var (name, key) in dangling.Drain())
        {
            if (Problem is not null)
            {
                break;
            }

            Implied(name, key);
        }
    }

    private static bool IsMarker(string name) => name is "td" or "th" or "caption" or "applet" or "marquee" or "object" or "template";

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
