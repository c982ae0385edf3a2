using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace NewsSummarizer.Testing.Documents;

/// <summary>Word and PDF articles built in code (OpenXml and PdfPig's builder), shared by the unit tests, the DevHost
/// tests and the benchmarks. Arabic PDFs embed DejaVu Sans (fonts-dejavu-core, which CI installs).</summary>
public static class TestDocuments
{
    public const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public static readonly string[] EnglishParagraphs =
    [
        "The city council approved a new budget on Tuesday that doubles spending on public transport over the next five years, after a debate that lasted most of the night.",
        "Supporters said the plan would cut traffic and pollution in the old town, while critics warned that the cost of new tram lines had been badly underestimated.",
        "The mayor promised that fares would not rise before the first new line opens, and said construction would begin in the spring if the regional government agrees to share the cost.",
        "Residents of the northern districts, who have waited years for a direct connection to the centre, welcomed the decision but asked for a clear timetable.",
    ];

    public static readonly string[] ArabicParagraphs =
    [
        "أعلنت وزارة الصحة في العاصمة عن افتتاح مستشفى جديد في المنطقة الشمالية التي تعاني من نقص كبير في الخدمات الطبية منذ سنوات طويلة",
        "وقال الوزير في مؤتمر صحفي إن المستشفى الذي تبلغ سعته مئتي سرير سيبدأ استقبال المرضى في الشهر المقبل بعد اكتمال تجهيز الأقسام",
        "وأضاف أن الحكومة تعمل على تدريب الكوادر الطبية من أبناء المنطقة على أن يتم توظيف أكثر من خمسمئة طبيب وممرض خلال العام الحالي",
    ];

    public const string EnglishTitle = "Council doubles transport budget";

    public const string ArabicTitle = "افتتاح مستشفى جديد في الشمال";

    /// <summary>A .docx: core title, a Heading 1, the paragraphs (one inside a table), a comment, a tracked deletion,
    /// a tracked insertion, a header and a footer. <paramref name="coreTitle"/> <c>false</c> leaves the title to the heading.</summary>
    public static byte[] Docx(string title, IReadOnlyList<string> paragraphs, bool coreTitle = true, bool rightToLeft = false)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            if (coreTitle)
            {
                document.PackageProperties.Title = title;
            }

            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" });

            var body = new Body();
            body.Append(Paragraph(title, "Heading1", rightToLeft));
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var paragraph = Paragraph(paragraphs[i], null, rightToLeft);
                if (i == 0)
                {
                    paragraph.Append(new CommentRangeStart { Id = "1" }, new CommentRangeEnd { Id = "1" }, new Run(new CommentReference { Id = "1" }));
                    paragraph.Append(new DeletedRun(new Run(new DeletedText(" DELETED-WORDS ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "Editor" });
                    paragraph.Append(new InsertedRun(new Run(new WordText(" INSERTED-WORDS") { Space = SpaceProcessingModeValues.Preserve })) { Id = "3", Author = "Editor" });
                }

                if (i == paragraphs.Count - 1)
                {
                    body.Append(new Table(new TableRow(new TableCell(paragraph))));
                }
                else
                {
                    body.Append(paragraph);
                }
            }

            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new Comment(Paragraph("COMMENT-TEXT should never be read", null, false)) { Id = "1", Author = "Editor" });
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Paragraph("HEADER-TEXT The Daily Example", null, false));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Paragraph("FOOTER-TEXT Page 1", null, false));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>A zip that says it is a Word document, with one part of <paramref name="zeros"/> zero bytes
    /// (1 MiB of zeros deflates to about 1 KB).</summary>
    public static byte[] ZipBombDocx(int zeros = 16 * 1024 * 1024)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8);
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var part = entry.Open();
            var chunk = new byte[1024 * 1024];
            for (var written = 0; written < zeros; written += chunk.Length)
            {
                part.Write(chunk, 0, Math.Min(chunk.Length, zeros - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>A valid .docx whose main part's central directory entry declares a smaller size than it inflates
    /// to (a zip that lies about its sizes).</summary>
    public static byte[] LyingSizesDocx(byte[] docx)
    {
        var bytes = (byte[])docx.Clone();
        var name = "word/document.xml"u8;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
                && bytes.AsSpan(i + 46).StartsWith(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 10u);
            }
        }

        return bytes;
    }

    /// <summary>The package with one part's content replaced (for XML no Word would write).</summary>
    public static byte[] ReplacePart(byte[] package, string name, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            Write(zip, name, Encoding.UTF8.GetBytes(content));
        }

        return stream.ToArray();
    }

    /// <summary>A Latin PDF in Helvetica: a running header and footer with the page number on every page, and the
    /// paragraphs spread over <paramref name="pages"/> pages.</summary>
    public static byte[] EnglishPdf(IReadOnlyList<string> paragraphs, int pages = 2, string? title = EnglishTitle)
    {
        using var builder = new PdfDocumentBuilder();
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var perPage = (paragraphs.Count + pages - 1) / pages;
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(595, 842);
            page.AddText("The Daily Example - Metro edition", 9, new PdfPoint(50, 800), font);
            page.AddText($"Page {p + 1} of {pages}", 9, new PdfPoint(270, 30), font);
            var y = 740.0;
            foreach (var paragraph in paragraphs.Skip(p * perPage).Take(perPage))
            {
                foreach (var line in Wrap(paragraph, 80))
                {
                    page.AddText(line, 11, new PdfPoint(50, y), font);
                    y -= 14;
                }

                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>One page, two columns: the first two paragraphs on the left, the others on the right.</summary>
    public static byte[] TwoColumnPdf(IReadOnlyList<string> paragraphs)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        var half = (paragraphs.Count + 1) / 2;
        // The right column is drawn first, so content order alone would read it first.
        foreach (var (x, column) in new[] { (310.0, paragraphs.Skip(half)), (50.0, paragraphs.Take(half)) })
        {
            var y = 760.0;
            foreach (var paragraph in column)
            {
                foreach (var line in Wrap(paragraph, 40))
                {
                    page.AddText(line, 10, new PdfPoint(x, y), font);
                    y -= 13;
                }

                y -= 14;
            }
        }

        return builder.Build();
    }

    /// <summary>How an Arabic PDF's text layer is laid out.</summary>
    public enum ArabicLayout
    {
        /// <summary>Base letters (U+0621-U+064A) drawn right to left: each line's glyphs in visual order, so the
        /// content stream holds the text reversed.</summary>
        VisualOrder,

        /// <summary>Presentation forms (initial, medial, final, isolated) drawn right to left, as older producers do.</summary>
        PresentationForms,

        /// <summary>Base letters in logical order drawn left to right (a producer without bidi support).</summary>
        LogicalLeftToRight,
    }

    /// <summary>An Arabic PDF in DejaVu Sans, two pages, with a running header.</summary>
    public static byte[] ArabicPdf(IReadOnlyList<string> paragraphs, ArabicLayout layout)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(DejaVuSans));
        const double right = 545;
        for (var p = 0; p < 2; p++)
        {
            var page = builder.AddPage(595, 842);
            AddArabicLine(page, font, "الصحيفة اليومية", 9, right, 800, layout);
            var y = 740.0;
            foreach (var paragraph in paragraphs.Skip(p * 2).Take(2))
            {
                foreach (var line in Wrap(paragraph, 60))
                {
                    AddArabicLine(page, font, line, 12, right, y, layout);
                    y -= 18;
                }

                y -= 18;
            }
        }

        return builder.Build();
    }

    /// <summary>One Arabic page in two columns drawn right to left (visual order): the first paragraphs in the right
    /// column, the others in the left one, as an Arabic newspaper sets them.</summary>
    public static byte[] ArabicTwoColumnPdf(IReadOnlyList<string> paragraphs)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(DejaVuSans));
        var page = builder.AddPage(595, 842);
        var half = (paragraphs.Count + 1) / 2;
        // The left column is drawn first, so content order alone would read it first.
        foreach (var (right, column) in new[] { (285.0, paragraphs.Skip(half)), (545.0, paragraphs.Take(half)) })
        {
            var y = 760.0;
            foreach (var paragraph in column)
            {
                foreach (var line in Wrap(paragraph, 32))
                {
                    AddArabicLine(page, font, line, 11, right, y, ArabicLayout.VisualOrder);
                    y -= 16;
                }

                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>One page holding only an image, as a scanner produces.</summary>
    public static byte[] ScannedPdf()
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.AddPng(GrayPng(200, 280), new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    /// <summary>Lines wrapped at <paramref name="width"/> characters on spaces.</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static void AddArabicLine(
        PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, string line, double size, double right, double y, ArabicLayout layout)
    {
        var drawn = layout switch
        {
            ArabicLayout.VisualOrder => Reverse(line),
            ArabicLayout.PresentationForms => Reverse(ArabicShaper.Shape(line)),
            _ => line,
        };
        var width = page.MeasureText(drawn, size, new PdfPoint(0, y), font).Max(l => l.BoundingBox.Right);
        page.AddText(drawn, size, new PdfPoint(layout == ArabicLayout.LogicalLeftToRight ? 50 : right - width, y), font);
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static Paragraph Paragraph(string text, string? style, bool rightToLeft)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (rightToLeft)
        {
            properties.Append(new BiDi());
        }

        return new Paragraph(properties, new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void Write(ZipArchive zip, string name, ReadOnlySpan<byte> content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }

    /// <summary>An 8-bit grey PNG with a gradient, written by hand (signature, IHDR, IDAT, IEND).</summary>
    private static byte[] GrayPng(int width, int height)
    {
        var raw = new byte[(width + 1) * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                raw[(y * (width + 1)) + 1 + x] = (byte)((x * 7 + y * 3) % 256);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 0;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
