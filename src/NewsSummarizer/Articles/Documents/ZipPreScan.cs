using System.IO.Compression;
using System.Xml;
using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Documents;

/// <summary>Checks a .docx zip before OpenXml opens it: entry count, declared and actually inflated sizes, the
/// compression ratio of each entry, and the nesting depth of its XML parts (OpenXml builds its element tree
/// recursively, so a part nested a hundred thousand levels deep would overflow the stack).</summary>
/// <remarks>Everything is read with bounded buffers, never trusting the sizes the zip declares.</remarks>
internal static class ZipPreScan
{
    /// <summary>Word itself nests a few dozen levels (tables in tables, text boxes, fields).</summary>
    public const int MaxXmlDepth = 256;

    /// <summary><c>null</c> when the package is within the limits, else the rejection.</summary>
    public static FormatExtraction? Check(byte[] content, DocumentLimits limits, DocumentBudget budget)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxZipEntries)
        {
            return DocumentFailure.TooComplex($"the zip holds {zip.Entries.Count:N0} entries; the limit is {limits.MaxZipEntries:N0}");
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (declared > limits.MaxUncompressedBytes)
            {
                return DocumentFailure.TooComplex($"its parts declare more than {limits.MaxUncompressedBytes:N0} bytes uncompressed");
            }

            if (RatioExceeded(entry.Length, entry.CompressedLength, limits))
            {
                return DocumentFailure.TooComplex(
                    $"part '{entry.FullName}' expands {entry.Length / Math.Max(1, entry.CompressedLength):N0} times; the limit is {limits.MaxCompressionRatio} (a zip bomb)");
            }
        }

        long inflated = 0;
        var elements = new ElementCount(limits.MaxXmlElements);
        var buffer = new byte[81920];
        var xmlParts = XmlParts(zip, limits);
        foreach (var entry in zip.Entries)
        {
            budget.ThrowIfExceeded();
            var remaining = limits.MaxUncompressedBytes - inflated;
            var isXml = xmlParts.Contains(entry);
            var size = isXml
                ? XmlDepth(entry, remaining, elements, out var tooDeep)
                : Inflate(entry, buffer, remaining, out tooDeep);
            if (tooDeep)
            {
                return DocumentFailure.TooComplex($"part '{entry.FullName}' nests XML deeper than {MaxXmlDepth} levels");
            }

            if (elements.Exceeded)
            {
                return DocumentFailure.TooComplex($"its XML parts hold more than {limits.MaxXmlElements:N0} elements");
            }

            if (isXml && size > limits.MaxXmlPartBytes)
            {
                return DocumentFailure.TooComplex($"part '{entry.FullName}' is larger than {limits.MaxXmlPartBytes:N0} bytes of XML");
            }

            inflated += size;
            if (inflated > limits.MaxUncompressedBytes || size > entry.Length)
            {
                return DocumentFailure.TooComplex($"its parts inflate beyond their declared sizes or past {limits.MaxUncompressedBytes:N0} bytes");
            }

            if (RatioExceeded(size, entry.CompressedLength, limits))
            {
                return DocumentFailure.TooComplex($"part '{entry.FullName}' expands more than {limits.MaxCompressionRatio} times (a zip bomb)");
            }
        }

        return null;
    }

    private static bool RatioExceeded(long length, long compressed, DocumentLimits limits) =>
        length > limits.RatioExemptBytes && length > (long)limits.MaxCompressionRatio * Math.Max(1, compressed);

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>The entries OpenXml will parse as XML: those named <c>.xml</c> or <c>.rels</c>, and every part whose
    /// content type <c>[Content_Types].xml</c> declares as XML, by extension (<c>Default</c>) or by name
    /// (<c>Override</c>): the main part may be called anything (ECMA-376 part 2, 10.1.2.2).</summary>
    private static HashSet<ZipArchiveEntry> XmlParts(ZipArchive zip, DocumentLimits limits)
    {
        var parts = zip.Entries.Where(e => IsXml(e.FullName)).ToHashSet();
        if (zip.GetEntry("[Content_Types].xml") is not { } types)
        {
            return parts;
        }

        var extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var stream = new CountingStream(types.Open(), limits.MaxXmlPartBytes))
        using (var reader = XmlReader.Create(stream, ReaderSettings))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth > 1
                    || reader.GetAttribute("ContentType") is not { } contentType
                    || !(contentType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) || contentType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension)
                {
                    extensions.Add("." + extension);
                }
                else if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } partName)
                {
                    names.Add(partName.TrimStart('/'));
                }
            }
        }

        parts.UnionWith(zip.Entries.Where(e => names.Contains(e.FullName) || extensions.Contains(Path.GetExtension(e.FullName))));
        return parts;
    }

    /// <summary>Inflates at most <paramref name="max"/> + 1 bytes and returns how many came out.</summary>
    private static long Inflate(ZipArchiveEntry entry, byte[] buffer, long max, out bool tooDeep)
    {
        tooDeep = false;
        using var stream = entry.Open();
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > max)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Reads the part as XML (no DTD, so no entity expansion) through a stream that stops after
    /// <paramref name="max"/> bytes, tracking the deepest element.</summary>
    private static long XmlDepth(ZipArchiveEntry entry, long max, ElementCount elements, out bool tooDeep)
    {
        tooDeep = false;
        using var counting = new CountingStream(entry.Open(), max);
        using var reader = XmlReader.Create(counting, ReaderSettings);
        while (reader.Read())
        {
            if (reader.Depth > MaxXmlDepth)
            {
                tooDeep = true;
                break;
            }

            if (reader.NodeType == XmlNodeType.Element && !elements.Add())
            {
                break;
            }
        }

        return counting.Total;
    }

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Elements across all XML parts: OpenXml builds an object for each, empty or not.</summary>
    private sealed class ElementCount(long max)
    {
        private long count;

        public bool Exceeded => count > max;

        public bool Add() => ++count <= max;
    }

    /// <summary>Passes reads through and counts them; ends the stream (EOF) once past the limit, so the caller
    /// sees a total above the limit instead of reading on.</summary>
    private sealed class CountingStream(Stream inner, long max) : Stream
    {
        public long Total { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Total; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Total > max)
            {
                throw new DocumentLimitException($"a part inflates past {max:N0} bytes");
            }

            var read = inner.Read(buffer, offset, count);
            Total += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
