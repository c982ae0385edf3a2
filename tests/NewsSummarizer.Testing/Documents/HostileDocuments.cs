using System.IO.Compression;
using System.Text;

namespace NewsSummarizer.Testing.Documents;

/// <summary>Small files that crash, pin or bloat a parser running in the host (issue 23's audit), built in code: each
/// must end as a rejection from the extractor pool, whichever of its limits or pre-scans stops it first.</summary>
public static class HostileDocuments
{
    /// <summary>Any of the codes a sandboxed parser's failure ends in: a pre-scan or the CPU budget
    /// (<c>too-complex</c>, <c>document-too-complex</c>), the memory limit, or a crash.</summary>
    public static readonly IReadOnlySet<string> SandboxCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "too-complex", "document-too-complex", "too-large-in-memory", "extraction-crashed", "extraction-failed", "corrupt-document",
    };

    private static readonly string Sentence =
        "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent";

    public static IReadOnlyList<(string Name, byte[] Content)> All { get; } =
    [
        ("mutual-forms.pdf", FormsDrawingEachOther()),
        ("pages-cycle.pdf", PagesCycle(1_500)),
        ("lzw-bomb.pdf", LzwBomb(150 * 1024)),
        ("letter-flood.pdf", LetterFlood()),
        ("form-fanout.pdf", FormFanOut(levels: 6, fanOut: 10)),
        ("hidden-main-part.docx", DocxWithHiddenMainPart(depth: 20_000)),
        ("empty-elements.docx", DocxOfEmptyElements(32 * 1024 * 1024)),
        ("list.md", Utf8(Sentence + ".\n\n" + Repeat("- a\n", 250_000))),
        ("attributes.html", Utf8("<html><body><p " + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"a{i}=x ")) + ">" + Sentence + ".</p></body></html>")),
        ("comments.html", Utf8("<html><body><p>" + Sentence + ".</p>" + Repeat("<!--x-->", 120_000) + "</body></html>")),
    ];

    /// <summary>Two Form XObjects that draw each other under different names.</summary>
    public static byte[] FormsDrawingEachOther()
    {
        const string bbox = "/Type /XObject /Subtype /Form /BBox [0 0 595 842]";
        return RawPdf.OnePage(
            Latin1($"BT /F1 12 Tf 50 700 Td ({Sentence}) Tj ET /A Do"),
            deflate: false,
            pageExtra: "/XObject << /A 6 0 R >>",
            RawPdf.Stream(Latin1("BT /F1 12 Tf 50 500 Td (a) Tj ET /B Do"), deflate: false, extra: $"{bbox} /Resources << /Font << /F1 5 0 R >> /XObject << /B 7 0 R >> >>"),
            RawPdf.Stream(Latin1("BT /F1 12 Tf 50 400 Td (b) Tj ET /C Do"), deflate: false, extra: $"{bbox} /Resources << /Font << /F1 5 0 R >> /XObject << /C 6 0 R >> >>"));
    }

    /// <summary>A page tree of <paramref name="nodes"/> intermediate nodes in a cycle, longer than the history a
    /// reader keeps to spot one.</summary>
    public static byte[] PagesCycle(int nodes)
    {
        // Objects: 1 catalog, 2..nodes+1 page-tree nodes (each the parent of the next, the last pointing back to 2).
        var objects = new List<byte[]> { RawPdf.Text("<< /Type /Catalog /Pages 2 0 R >>") };
        for (var i = 0; i < nodes; i++)
        {
            var next = i == nodes - 1 ? 2 : i + 3;
            objects.Add(RawPdf.Text($"<< /Type /Pages /Kids [{next} 0 R] /Count 1 >>"));
        }

        return RawPdf.Build(objects);
    }

    /// <summary>A page whose content is an LZW stream of <paramref name="bytes"/> bytes that decodes to hundreds of
    /// times its size: a run of one letter, coded with ever longer table entries.</summary>
    public static byte[] LzwBomb(int bytes) => RawPdf.Build([
        RawPdf.Text("<< /Type /Catalog /Pages 2 0 R >>"),
        RawPdf.Text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        RawPdf.Text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
        LzwStream(bytes),
        RawPdf.Text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ]);

    /// <summary>A small Flate page that shows millions of letters.</summary>
    public static byte[] LetterFlood()
    {
        var line = $"({new string('a', 1000)}) Tj\n";
        return RawPdf.OnePage(Latin1("BT /F1 1 Tf 0 0 Td\n" + Repeat(line, 8_000) + "ET"), deflate: true);
    }

    /// <summary><paramref name="levels"/> levels of forms, each drawing the next <paramref name="fanOut"/> times; the
    /// last shows a line of text. Kilobytes that expand to fanOut^levels lines.</summary>
    public static byte[] FormFanOut(int levels, int fanOut)
    {
        const string bbox = "/Type /XObject /Subtype /Form /BBox [0 0 595 842]";
        var forms = new List<byte[]>();
        for (var level = 0; level < levels; level++)
        {
            // Object numbers: page content is 4, font 5, forms from 6.
            var content = level == levels - 1 ? $"BT /F1 12 Tf 50 500 Td ({Sentence}) Tj ET" : Repeat("/N Do\n", fanOut);
            var resources = level == levels - 1 ? "/Font << /F1 5 0 R >>" : $"/XObject << /N {7 + level} 0 R >>";
            forms.Add(RawPdf.Stream(Latin1(content), deflate: false, extra: $"{bbox} /Resources << {resources} >>"));
        }

        return RawPdf.OnePage(Latin1(Repeat("/N Do\n", fanOut)), deflate: false, pageExtra: "/XObject << /N 6 0 R >>", [.. forms]);
    }

    /// <summary>A Word package whose main part is not named <c>.xml</c> (declared by an Override in
    /// <c>[Content_Types].xml</c>) and nests elements <paramref name="depth"/> deep.</summary>
    public static byte[] DocxWithHiddenMainPart(int depth)
    {
        var body = new StringBuilder("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
            .Append(Sentence).Append("</w:t></w:r></w:p>")
            .Append(Repeat("<w:sdt><w:sdtContent>", depth)).Append(Repeat("</w:sdtContent></w:sdt>", depth))
            .Append("</w:body></w:document>");
        return Package("word/document.bin", body.ToString());
    }

    /// <summary>A Word package whose body is <paramref name="bytes"/> bytes of empty paragraphs (about a megabyte zipped).</summary>
    public static byte[] DocxOfEmptyElements(int bytes)
    {
        var body = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
            $"<w:p><w:r><w:t>{Sentence}</w:t></w:r></w:p>" + Repeat("<w:p/>", bytes / 6) + "</w:body></w:document>";
        return Package("word/document.xml", body);
    }

    private static byte[] Package(string mainPart, string body)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                $"<Override PartName=\"/{mainPart}\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Add(zip, "_rels/.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{mainPart}\"/></Relationships>");
            Add(zip, mainPart, body);
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        part.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>LZW codes (PDF 32000-1 7.4.4, early change 1) for a long run of one letter: after the letter itself,
    /// each code names the newest table entry, one byte longer than the last, until the codes are 12 bits wide; from
    /// then on the widest code is repeated.</summary>
    private static byte[] LzwStream(int bytes)
    {
        var data = LzwRun(bytes);
        using var stream = new MemoryStream();
        var header = Latin1($"<< /Length {data.Length} /Filter /LZWDecode >>\nstream\n");
        stream.Write(header);
        stream.Write(data);
        stream.Write(Latin1("\nendstream"));
        return stream.ToArray();
    }

    /// <summary>The LZW codes of <see cref="LzwStream"/>, about <paramref name="bytes"/> bytes of them.</summary>
    public static byte[] LzwRun(int bytes)
    {
        var bits = new BitWriter();
        bits.Write('a', 9);
        var next = 258;
        while (bits.Length < bytes)
        {
            bits.Write(Math.Min(next, 4095), Width(next));
            next++;
        }

        bits.Write(257, Width(next));
        return bits.ToArray();

        // The decoder widens its codes when its table reaches 511, 1023 and 2047 entries (early change).
        static int Width(int tableSize) => tableSize >= 2047 ? 12 : tableSize >= 1023 ? 11 : tableSize >= 511 ? 10 : 9;
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private sealed class BitWriter
    {
        private readonly List<byte> bytes = [];
        private int buffer;
        private int used;

        public int Length => bytes.Count;

        public void Write(int value, int width)
        {
            for (var i = width - 1; i >= 0; i--)
            {
                buffer = (buffer << 1) | ((value >> i) & 1);
                if (++used == 8)
                {
                    bytes.Add((byte)buffer);
                    buffer = 0;
                    used = 0;
                }
            }
        }

        public byte[] ToArray() => used == 0 ? [.. bytes] : [.. bytes, (byte)(buffer << (8 - used))];
    }
}
