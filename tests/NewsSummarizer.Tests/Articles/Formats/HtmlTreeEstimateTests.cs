using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Tests.Articles.Formats;

/// <summary>The pre-scan's estimated tree against the tree AngleSharp builds, one parsing rule at a time, each case
/// naming the WHATWG HTML section it exercises. Over 130 saved real pages (mozilla/readability's test pages,
/// bench/html-corpus) the estimate is within 0.998-1.026 of the parser's element count with equal depth on every
/// page (docs/inputs.md).</summary>
public sealed class HtmlTreeEstimateTests
{
    [Theory]
    // 13.2.6.4.7 "in body": a <p> start tag closes an open <p> in button scope.
    [InlineData("<p>a<p>b<p>c")]
    // 13.2.6.4.7: a block start tag (<div>, <ul>, <table>, <hr>) closes an open <p>.
    [InlineData("<p>a<div>b</div><p>c<ul><li>d</ul><p>e<hr>f")]
    // 13.2.6.4.7: <li> closes an open <li>; <dd>/<dt> close an open <dd>/<dt>.
    [InlineData("<ul><li>a<li>b<li><ul><li>c<li>d</ul></ul><dl><dt>e<dd>f<dt>g<dd>h</dl>")]
    // 13.2.6.4.7: a heading start tag closes an open heading.
    [InlineData("<h1>a<h2>b<h3>c")]
    // 13.2.6.4.9 "in table": <tr> directly in <table> inserts a <tbody>; 13.2.6.4.13 "in table body": a cell inserts a <tr>.
    [InlineData("<table><tr><td>a<td>b<tr><td>c</table><table><td>d</table>")]
    // 13.2.6.4.14 "in row" / 13.2.6.4.15 "in cell": a cell closes the open cell, a row the open row.
    [InlineData("<table><tbody><tr><th>a<td>b<tr><td><table><tr><td>nested</table></table>")]
    // 13.2.4.3 reconstruct the active formatting elements: a <b> left open is re-created in each later block.
    [InlineData("<p><b>bold<p>still bold<p>and here")]
    // 13.2.4.3: formatting elements a block closed are re-created before the next phrasing start tag, so they nest
    // in the next block with what it opens; a repeated tag with the same attributes is kept at most three times
    // (the "Noah's Ark" clause); an end tag for a dangling one drops it.
    [InlineData("<div><i id=1><i id=2></div><div><i id=3>x</div><div><u>y</div>")]
    [InlineData("<div><b><b><b><b><b></div><p>x")]
    [InlineData("<div><b><i></div></i><p>x")]
    // 13.2.4.3: a cell sets a marker: formatting left open outside it is not re-created inside it.
    [InlineData("<div><b>a</div><table><tr><td>cell<td>cell</table>after")]
    // 13.2.6.4.7: a second <a> runs the adoption agency for the first: they do not nest.
    [InlineData("<a href=1>x<a href=2>y<a href=3>z")]
    // 13.1.2 void elements: never open, leaves at the depth they appear.
    [InlineData("<div><span><img src=x><br><input></span></div>")]
    // 13.2.6.5 foreign content: a self-closing tag in <svg> closes at once.
    [InlineData("<div><svg><g><path/><circle/></g></svg></div>")]
    // 13.2.6.4.16 "in select": an <option> closes the open <option>.
    [InlineData("<select><option>a<option>b<optgroup><option>c</select>")]
    // 13.2.6.4.7: an end tag </p> with no <p> in scope inserts an empty paragraph.
    [InlineData("<div>a</p>b</div>")]
    // 13.2.6.4.4 "in head" and 13.2.6.4.7: html, head and body tags add nothing (the parser has one of each).
    [InlineData("<html><head><title>t</title><meta charset=utf-8></head><body><p>x</body></html>")]
    public void Estimate_MarkupExercisingOneRule_BuildsTheTreeTheParserBuilds(string html)
    {
        var estimate = HtmlComplexity.Estimate(html);

        var (elements, depth) = ParsedHtmlTree.Measure(html);
        Assert.Equal((elements, depth), ((int)estimate.Elements, estimate.MaxDepth));
    }
}
