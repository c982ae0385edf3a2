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
