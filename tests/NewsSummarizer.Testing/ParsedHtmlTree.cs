using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsSummarizer.Testing;

/// <summary>The tree a real HTML5 parser (AngleSharp, the parser SmartReader reads pages with) builds from a page,
/// counted as the reader's pre-scan estimates it: elements and nesting below <c>html</c>, <c>head</c> and <c>body</c>.</summary>
public static class ParsedHtmlTree
{
    public static (int Elements, int Depth) Measure(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var elements = 0;
        var depth = 0;
        foreach (var element in document.All)
        {
            if (IsRoot(element))
            {
                continue;
            }

            elements++;
            var level = element.Ancestors<IElement>().Count(ancestor => !IsRoot(ancestor)) + 1;
            depth = Math.Max(depth, level);
        }

        return (elements, depth);
    }

    private static bool IsRoot(IElement element) => element.LocalName is "html" or "head" or "body";
}
