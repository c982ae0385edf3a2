using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Documents;

/// <summary>Article text of a Word (.docx) document: the body's paragraphs in reading order (tables, content controls
/// and text boxes included), headings as paragraphs of their own, tracked insertions kept and tracked deletions
/// dropped.</summary>
/// <remarks>Comments, footnotes, headers and footers live in other parts and are never read; field codes (<c>PAGE</c>,
/// <c>HYPERLINK "..."</c>) are dropped and their results kept.</remarks>
internal static class DocxExtractor
{
    public static FormatExtraction Extract(byte[] content, DocumentLimits limits, DocumentBudget budget)
    {
        if (ZipPreScan.Check(content, limits, budget) is { } failure)
        {
            return failure;
        }

        var settings = new OpenSettings { MaxCharactersInPart = limits.MaxXmlPartBytes, AutoSave = false };
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false, settings);
        var main = document.MainDocumentPart;
        var body = main?.Document?.Body;
        if (main is null || body is null)
        {
            return DocumentFailure.Corrupt("Word document", "it has no main document body");
        }

        var headingStyles = HeadingStyles(main);
        var paragraphs = new List<(string Text, bool Heading)>();
        var chars = 0;
        var builder = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            budget.ThrowIfExceeded();
            if (IsSkipped(paragraph))
            {
                continue;
            }

            builder.Clear();
            AppendText(paragraph, builder);
            var text = builder.ToString().Trim();
            if (text.Length == 0)
            {
                continue;
            }

            chars += text.Length;
            if (chars > limits.MaxTextChars)
            {
                throw new DocumentLimitException($"it holds more than {limits.MaxTextChars:N0} characters of text");
            }

            paragraphs.Add((text, IsHeading(paragraph, headingStyles)));
        }

        var title = document.PackageProperties.Title;
        if (string.IsNullOrWhiteSpace(title) && paragraphs.Count > 0 && paragraphs[0].Heading)
        {
            title = paragraphs[0].Text;
        }

        if (paragraphs.Count > 0 && string.Equals(paragraphs[0].Text, title?.Trim(), StringComparison.Ordinal))
        {
            paragraphs.RemoveAt(0);
        }

        return FormatExtraction.Extracted(string.Join("\n\n", paragraphs.Select(p => p.Text)), title);
    }

    /// <summary>A paragraph inside a tracked deletion or move, or inside the fallback copy of a text box (Word
    /// writes each text box twice: DrawingML and a VML fallback).</summary>
    private static bool IsSkipped(Paragraph paragraph)
    {
        for (var parent = paragraph.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is DeletedRun or MoveFromRun or AlternateContentFallback)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The paragraph's own text, without paragraphs nested in it (text boxes, read on their own).</summary>
    private static void AppendText(Paragraph paragraph, StringBuilder builder)
    {
        var stack = new Stack<OpenXmlElement>();
        for (var i = paragraph.ChildElements.Count - 1; i >= 0; i--)
        {
            stack.Push(paragraph.ChildElements[i]);
        }

        while (stack.Count > 0)
        {
            var element = stack.Pop();
            switch (element)
            {
                case Paragraph or DeletedRun or MoveFromRun or AlternateContentFallback or FieldCode or DeletedFieldCode
                    or DeletedText or ParagraphProperties or RunProperties:
                    continue;
                case DocumentFormat.OpenXml.Wordprocessing.Text text:
                    builder.Append(text.Text);
                    continue;
                case TabChar or PositionalTab:
                    builder.Append(' ');
                    continue;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    continue;
                case NoBreakHyphen:
                    builder.Append('-');
                    continue;
            }

            for (var i = element.ChildElements.Count - 1; i >= 0; i--)
            {
                stack.Push(element.ChildElements[i]);
            }
        }
    }

    /// <summary>Style ids whose names say heading or title. Names are the same in every language of Word ("heading 1");
    /// ids are not (a German Word writes "berschrift1").</summary>
    private static HashSet<string> HeadingStyles(MainDocumentPart main)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Title", "Heading1", "Heading2", "Heading3" };
        var styles = main.StyleDefinitionsPart?.Styles;
        if (styles is null)
        {
            return ids;
        }

        foreach (var style in styles.Elements<Style>())
        {
            var name = style.StyleName?.Val?.Value;
            if (style.StyleId?.Value is { } id && name is not null
                && (name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase)))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static bool IsHeading(Paragraph paragraph, HashSet<string> headingStyles)
    {
        var properties = paragraph.ParagraphProperties;
        return properties?.ParagraphStyleId?.Val?.Value is { } style && headingStyles.Contains(style)
            || properties?.OutlineLevel?.Val?.Value is < 9;
    }
}
