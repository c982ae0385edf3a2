using System.Text;
using NewsSummarizer.Articles.Encodings;
using NewsSummarizer.Articles.Formats;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Tokens;

namespace NewsSummarizer.Articles.Documents;

/// <summary>Article text of a PDF's text layer: pages in order; on each page letters grouped into words (nearest
/// neighbour), words into lines and blocks (Docstrum, which keeps columns apart) and blocks put in reading order; each
/// block is a paragraph.</summary>
/// <remarks>Running headers and footers (the same line at the same height on several pages) and page numbers are
/// dropped; Arabic lines are repaired (<see cref="ArabicRepair"/>).</remarks>
internal static class PdfExtractor
{
    private const string Kind = "PDF document";

    /// <summary>Fewer visible letters than this in the whole document: it is scanned pages, not text.</summary>
    private const int MinLetters = 20;

    public static FormatExtraction Extract(byte[] content, DocumentLimits limits, DocumentBudget budget)
    {
        if (PdfPreScan.Check(content, limits) is { } why)
        {
            return DocumentFailure.TooComplex(why);
        }

        var options = new ParsingOptions
        {
            UseLenientParsing = true,
            SkipMissingFonts = true,
            ClipPaths = false,
            MaxStackDepth = limits.MaxNestingDepth,
            FilterProvider = new BoundedFilterProvider(limits.MaxUncompressedBytes),
        };

        try
        {
            using var document = PdfDocument.Open(content, options);
            if (document.NumberOfPages > limits.MaxPages)
            {
                return DocumentFailure.TooComplex($"it has {document.NumberOfPages:N0} pages; the limit is {limits.MaxPages:N0}");
            }

            var form = Form(document);
            var pages = new List<PageLines>(document.NumberOfPages);
            int letters = 0, images = 0, chars = 0, unread = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                budget.ThrowIfExceeded();
                var page = document.GetPage(number);
                images += page.NumberOfImages;
                var visible = page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                if (visible > limits.MaxLettersPerPage)
                {
                    return DocumentFailure.TooComplex($"page {number} holds {visible:N0} letters; the limit is {limits.MaxLettersPerPage:N0}");
                }

                var fields = FieldText(form, number);
                letters += visible + fields.Sum(f => f.Count(char.IsLetter));
                if (visible == 0)
                {
                    unread += ShowsText(page) ? 1 : 0;
                }

                var lines = PdfPages.Read(page, fields);
                chars += lines.Lines.Sum(l => l.Text.Length);
                if (chars > limits.MaxTextChars)
                {
                    throw new DocumentLimitException($"it holds more than {limits.MaxTextChars:N0} characters of text");
                }

                pages.Add(lines);
            }

            if (letters == 0 && unread > 0)
            {
                // Text is drawn, but with fonts PdfPig could not load (it skips them rather than fail the document).
                return FormatExtraction.Rejected(
                    ArticleErrorCodes.PdfTextUnreadable,
                    $"The PDF draws text on {unread} page(s), but with fonts this reader cannot load, so none of it could be read. Export the PDF again from the original (or print it to a new PDF), or upload the text.");
            }

            if (letters > 0 && letters < MinLetters)
            {
                // A few letters are text, not a scan: the word count decides (too-short), with the words it has.
                return FormatExtraction.Extracted(Compose(pages));
            }

            if (letters < MinLetters)
            {
                return FormatExtraction.Rejected(
                    ArticleErrorCodes.NoTextLayer,
                    images > 0
                        ? $"The PDF has no text layer: its {document.NumberOfPages} page(s) are images, as a scanner makes them. Run OCR on it (for example with your scanner's software or ocrmypdf) and upload the result."
                        : "The PDF has no text layer and no images: its pages hold no text to read. If it shows text, it is drawn as shapes; run OCR on it and upload the result.");
            }

            var text = Compose(pages);
            if (GarbleCheck.IsGarbled(text, out var reason) || LooksUnmapped(text))
            {
                return FormatExtraction.Rejected(
                    ArticleErrorCodes.PdfTextUnreadable,
                    $"The PDF's text layer cannot be read reliably ({(reason.Length > 0 ? reason : "its glyphs map to no letters")}): its fonts do not say which letters they draw. Export the PDF again from the original, or upload the text.");
            }

            var title = document.Information.Title;
            return FormatExtraction.Extracted(text, string.IsNullOrWhiteSpace(title) ? null : ArabicRepair.ToLetters(title));
        }
        catch (PdfDocumentEncryptedException)
        {
            return DocumentFailure.Encrypted(Kind);
        }
        catch (PdfDocumentStackDepthException)
        {
            return DocumentFailure.TooComplex($"its objects nest deeper than {limits.MaxNestingDepth} levels");
        }
    }

    /// <summary>Whether the page's content shows any non-empty string (<c>Tj</c>, <c>TJ</c>, <c>'</c>, <c>"</c>).</summary>
    private static bool ShowsText(Page page) => page.Operations.Any(o => o switch
    {
        ShowText show => Shows(show.Text, show.Bytes),
        ShowTextsWithPositioning positioned => positioned.Array.Any(t => t is StringToken { Data.Length: > 0 } or HexToken { Data.Length: > 0 }),
        MoveToNextLineShowText next => Shows(next.Text, next.Bytes),
        MoveToNextLineShowTextWithSpacing spaced => Shows(spaced.Text, spaced.Bytes),
        _ => false,
    });

    /// <summary>A text-showing operator carries its string as text (a literal) or as bytes (hex).</summary>
    private static bool Shows(string? text, ReadOnlyMemory<byte> bytes) => !string.IsNullOrEmpty(text) || !bytes.IsEmpty;

    /// <summary>The document's form, or <c>null</c> when it has none or it cannot be read (the pages still can).</summary>
    private static AcroForm? Form(PdfDocument document)
    {
        try
        {
            return document.TryGetForm(out var form) ? form : null;
        }
#pragma warning disable CA1031 // A broken form is no reason to refuse the pages' text.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The values of the page's filled-in text fields (AcroForm): certificates, vouchers and forms keep their
    /// text there, drawn by the fields' appearance streams rather than the page's content.</summary>
    private static List<string> FieldText(AcroForm? form, int page)
    {
        if (form is null)
        {
            return [];
        }

        return [.. form.GetFieldsForPage(page).OfType<AcroTextField>()
            .Select(f => f.Value?.Trim())
            .Where(v => !string.IsNullOrEmpty(v))
            .Cast<string>()];
    }

    /// <summary>Drops running headers, footers and page numbers, orients Arabic lines, and joins each block's lines
    /// into one paragraph.</summary>
    private static string Compose(List<PageLines> pages)
    {
        var running = RunningLines.Find([.. pages.Select(p => p.Lines.Select(l => new RunningLines.Line(l.Text, l.Top, l.Bottom, p.Height)).ToList())]);
        var rtlLines = pages.SelectMany(p => p.Lines).Where(l => ArabicRepair.IsRightToLeft(l.Text)).Select(l => l.Text).ToList();

        // One decision for the document: producers are consistent, single lines are too short to judge.
        var rightToLeft = rtlLines.Sum(l => ArabicRepair.LogicalOrderEvidence(ArabicRepair.VisualToLogical(l)))
            >= rtlLines.Sum(ArabicRepair.LogicalOrderEvidence);
        var builder = new StringBuilder();
        for (var p = 0; p < pages.Count; p++)
        {
            var lines = pages[p].Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                if (running[p].Contains(i) || (RunningLines.IsPageNumber(lines[i].Text) && lines.Count(l => l.Block == lines[i].Block) == 1))
                {
                    continue;
                }

                var text = lines[i].Text;
                if (rightToLeft && ArabicRepair.IsRightToLeft(text))
                {
                    text = ArabicRepair.VisualToLogical(text);
                }

                text = ArabicRepair.ToLetters(text);
                var sameBlock = i > 0 && lines[i - 1].Block == lines[i].Block && builder.Length > 0 && !running[p].Contains(i - 1);
                if (sameBlock && builder[^1] == '-' && text.Length > 0 && char.IsLower(text[0]))
                {
                    builder.Length--;
                }
                else if (builder.Length > 0)
                {
                    builder.Append(sameBlock ? " " : "\n\n");
                }

                builder.Append(text);
            }

            builder.Append("\n\n");
        }

        return builder.ToString().Trim();
    }

    /// <summary>Fonts without a Unicode map give PdfPig letters it cannot name: private-use or control characters
    /// (which <see cref="GarbleCheck"/> counts), or nothing but single letters and symbols.</summary>
    private static bool LooksUnmapped(string text)
    {
        int letters = 0, other = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
            else if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c))
            {
                other++;
            }
        }

        return letters < other;
    }
}
