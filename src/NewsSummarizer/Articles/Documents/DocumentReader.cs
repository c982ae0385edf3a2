using System.IO.Compression;
using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Documents;

/// <summary>Word (.docx) and PDF articles: recognised by name, content type or signature, read within
/// <see cref="DocumentLimits"/>. Every failure of the libraries, whatever it throws, ends as a rejection.</summary>
internal static class DocumentReader
{
    public static string Docx => FormatRegistry.Docx.Name;

    public static string Pdf => FormatRegistry.Pdf.Name;

    private static ReadOnlySpan<byte> CompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary><see cref="Docx"/>, <see cref="Pdf"/> or <c>null</c>. The signature wins over the name: a PDF
    /// called <c>x.txt</c> is a PDF; a <c>.docx</c> that is an encrypted Office file is still a Word document.</summary>
    public static string? Identify(ReadOnlyMemory<byte> upload, string? name, string? contentType)
    {
        var content = upload.Span;
        var named = FormatRegistry.ByExtension(ArticleFormats.ExtensionOf(name));
        var typed = FormatRegistry.ByMediaType(ArticleFormats.MediaTypeOf(contentType));
        var saysPdf = named == FormatRegistry.Pdf || typed == FormatRegistry.Pdf;

        // The header may follow up to 1 KB of junk (the PDF specification tolerates it); only where the name says PDF,
        // so a text that quotes "%PDF-" stays text.
        if (content.StartsWith("%PDF-"u8) || (saysPdf && content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0))
        {
            return Pdf;
        }

        if (content.StartsWith("PK\u0003\u0004"u8) && IsWordPackage(upload))
        {
            return Docx;
        }

        return saysPdf ? Pdf
            : named == FormatRegistry.Docx || typed == FormatRegistry.Docx ? Docx
            : null;
    }

    /// <summary>Runs the document's reader in the calling thread (the extractor process's). Whatever the library
    /// throws becomes a rejection, except running out of memory, which the extractor process reports itself.</summary>
    public static FormatExtraction Extract(byte[] content, string format, DocumentLimits limits)
    {
        var kind = format == Pdf ? "PDF document" : "Word document";
        if (format == Docx && content.AsSpan().StartsWith(CompoundFile))
        {
            // Word saves a password-protected .docx as an encrypted package inside an OLE compound file.
            return DocumentFailure.Encrypted(kind);
        }

        try
        {
            // The extraction checks the budget between pages and paragraphs; the extractor process's CPU budget is the
            // backstop for a single unit that never ends.
            var budget = new DocumentBudget(limits.TimeBudget);
            return format == Pdf ? PdfExtractor.Extract(content, limits, budget) : DocxExtractor.Extract(content, limits, budget);
        }
        catch (DocumentLimitException limit)
        {
            return DocumentFailure.TooComplex(limit.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            return DocumentFailure.TooComplex("its structure nests deeper than allowed");
        }
#pragma warning disable CA1031 // Any exception of a document library is the document's fault: it becomes a rejection.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return DocumentFailure.Corrupt(kind, Extraction.InProcessExtractor.Shorten(error.Message));
        }
    }

    /// <summary>A zip whose entries include <c>[Content_Types].xml</c> and the Word main part: a Word package.
    /// Reading the central directory costs one pass over the entry list, bounded by the upload size; the upload's
    /// own buffer is read in place, not copied.</summary>
    private static bool IsWordPackage(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var buffer)
                ? new MemoryStream(buffer.Array!, buffer.Offset, buffer.Count, writable: false)
                : new MemoryStream(content.ToArray(), writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null
                && zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
