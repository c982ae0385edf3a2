using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace NewsSummarizer.Articles.Documents;

/// <summary>One PDF page's text as lines in reading order: letters grouped into words (nearest neighbour), words into
/// lines and blocks (Docstrum, which keeps columns apart), blocks put in reading order; a right-to-left page is
/// analysed in a mirror image.</summary>
internal static class PdfPages
{
    /// <summary>Columns top to bottom, then the next column; from geometry alone, since the order a producer drew the
    /// blocks in (PdfPig's default also weighs it) often differs from the order they are read in.</summary>
    private static readonly UnsupervisedReadingOrderDetector ReadingOrder =
        new(5, UnsupervisedReadingOrderDetector.SpatialReasoningRules.ColumnWise, useRenderingOrder: false);

    /// <summary>The page's lines in reading order, then the values of its filled-in form fields, one block each.</summary>
    public static PageLines Read(Page page, List<string> fields)
    {
        // PdfPig's layout analysis reads left to right. A right-to-left page is analysed in a mirror image, so its
        // columns come right first; lines are still returned as drawn, left to right.
        IReadOnlyList<Letter> letters = page.Letters;
        var mirrored = IsRightToLeft(letters);
        if (mirrored)
        {
            letters = [.. letters.Select(l => Mirror(l, page.Width))];
        }

        var words = NearestNeighbourWordExtractor.Instance.GetWords(letters);
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        var ordered = ReadingOrder.Get(blocks);
        var lines = new List<PdfLine>();
        var blockIndex = 0;
        foreach (var block in ordered)
        {
            foreach (var line in block.TextLines.OrderByDescending(l => l.BoundingBox.Top))
            {
                var text = Visual(line, mirrored);
                if (text.Length > 0)
                {
                    lines.Add(new PdfLine(text, blockIndex, line.BoundingBox.Top, line.BoundingBox.Bottom));
                }
            }

            blockIndex++;
        }

        foreach (var field in fields)
        {
            lines.Add(new PdfLine(field, blockIndex++, 0, 0));
        }

        return new PageLines(lines, page.Height);
    }

    /// <summary>The line's words left to right and each word's letters left to right: the order they are drawn
    /// in, whatever order the content stream wrote them in (in a mirrored page, right to left of the mirror).</summary>
    private static string Visual(TextLine line, bool mirrored)
    {
        var builder = new StringBuilder();
        var words = mirrored ? line.Words.OrderByDescending(w => w.BoundingBox.Right) : line.Words.OrderBy(w => w.BoundingBox.Left);
        foreach (var word in words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            var letters = mirrored ? word.Letters.OrderByDescending(l => l.StartBaseLine.X) : word.Letters.OrderBy(l => l.StartBaseLine.X);
            foreach (var letter in letters)
            {
                builder.Append(letter.Value);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool IsRightToLeft(IReadOnlyList<Letter> letters)
    {
        int arabic = 0, latin = 0;
        foreach (var letter in letters)
        {
            if (letter.Value.Length == 0 || !char.IsLetter(letter.Value[0]))
            {
                continue;
            }

            if (ArabicRepair.HasArabic(letter.Value))
            {
                arabic++;
            }
            else
            {
                latin++;
            }
        }

        return arabic > latin;
    }

    /// <summary>The letter reflected about the page's vertical centre line, still drawn left to right (start and
    /// end of its baseline swap), so word and line grouping see the same shapes mirrored.</summary>
    private static Letter Mirror(Letter letter, double width)
    {
        static PdfRectangle Flip(PdfRectangle r, double w) => new(w - r.Right, r.Bottom, w - r.Left, r.Top);

        return new Letter(
            letter.Value,
            Flip(letter.BoundingBox, width),
            Flip(letter.GlyphRectangleLoose, width),
            new PdfPoint(width - letter.EndBaseLine.X, letter.EndBaseLine.Y),
            new PdfPoint(width - letter.StartBaseLine.X, letter.StartBaseLine.Y),
            letter.Width,
            letter.FontSize,
            letter.FontDetails,
            letter.RenderingMode,
            letter.StrokeColor,
            letter.FillColor,
            letter.PointSize,
            letter.TextSequence);
    }
}

/// <summary>One page's lines, each with its block (paragraph), in reading order.</summary>
internal sealed record PageLines(IReadOnlyList<PdfLine> Lines, double Height);

/// <summary>A line as drawn, left to right, with where it sits and which block it belongs to.</summary>
internal sealed record PdfLine(string Text, int Block, double Top, double Bottom);
