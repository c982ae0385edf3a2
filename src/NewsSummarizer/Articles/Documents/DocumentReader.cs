using System.IO.Compression;
using System.Net.Http.Headers;
using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Documents;

/// <summary>Word (.docx) and PDF articles: recognised by name, content type or signature, read within
/// <see cref="DocumentLimits"/>. Every failure of the libraries, whatever it throws, ends as a rejection.</summary>
internal static class DocumentReader
{
    public const string Docx = "docx";
    public const string Pdf = "pdf";

    public const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfMediaType = "application/pdf";

    private static ReadOnlySpan<byte> CompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary><see cref="Docx"/>, <see cref="Pdf"/> or <c>null</c>. The signature wins over the name: a PDF
    /// called <c>x.txt</c> is a PDF; a <c>.docx</c> that is an encrypted Office file is still a Word document.</summary>
    public static string? Identify(ReadOnlySpan<byte> content, string? name, string? contentType)
    {
        var extension = ArticleFormats.ExtensionOf(name);
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
        var saysPdf = extension == ".pdf" || mediaType == PdfMediaType;

        // The header may follow up to 1 KB of junk (the PDF specification tolerates it); only where the name says PDF,
        // so a text that quotes "%PDF-" stays text.
        if (content.StartsWith("%PDF-"u8) || (saysPdf && content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0))
        {
            return Pdf;
        }

        if (content.StartsWith("PK\u0003\u0004"u8) && IsWordPackage(content))
        {
            return Docx;
        }

        return saysPdf ? Pdf
            : extension == ".docx" || mediaType == DocxMediaType ? Docx
            : null;
    }

    public static FormatExtraction Extract(byte[] content, string format, DocumentLimits limits)
    {
        var kind = format == Pdf ? "PDF document" : "Word document";
        if (format == Docx && content.AsSpan().StartsWith(CompoundFile))
        {
            // Word saves a password-protected .docx as an encrypted package inside an OLE compound file.
            return DocumentFailure.Encrypted(kind);
        }

        // The extraction checks the budget between pages and paragraphs; the wait allows one slow unit more.
        var result = BoundedExtraction.Run(
            () =>
            {
                var budget = new DocumentBudget(limits.TimeBudget);
                return format == Pdf ? PdfExtractor.Extract(content, limits, budget) : DocxExtractor.Extract(content, limits, budget);
            },
            $"{format} extraction",
            limits.TimeBudget * 1.5,
            TimeProvider.System,
            out var error);
        if (result is null)
        {
            return DocumentFailure.TooComplex($"reading it took longer than {limits.TimeBudget.TotalSeconds:N0} s");
        }

        return error switch
        {
            null => result,
            DocumentLimitException limit => DocumentFailure.TooComplex(limit.Message),
            OutOfMemoryException or InsufficientExecutionStackException => DocumentFailure.TooComplex("it needs more memory or nesting than allowed"),
            _ => DocumentFailure.Corrupt(kind, Describe(error)),
        };
    }

    /// <summary>A zip whose entries include <c>[Content_Types].xml</c> and the Word main part: a Word package.
    /// Reading the central directory costs one pass over the entry list, bounded by the upload size.</summary>
    private static bool IsWordPackage(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null
                && zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The library's reason, shortened: enough to tell a truncated file from a wrong one.</summary>
    private static string Describe(Exception error)
    {
        var message = error.Message.ReplaceLineEndings(" ");
        return message.Length > 200 ? message[..200] + "…" : message;
    }
}
