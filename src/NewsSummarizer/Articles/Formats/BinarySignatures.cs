namespace NewsSummarizer.Articles.Formats;

/// <summary>Recognises common binary files by their first bytes and by their extension, so an image or an archive
/// is rejected as what it is instead of as "invalid text". Word (.docx) and PDF documents never get here: the reader
/// recognises them first (Articles/Documents).</summary>
internal static class BinarySignatures
{
    private static readonly (byte[] Magic, string Kind)[] Signatures =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], "a ZIP archive (or an Excel, PowerPoint or EPUB file)"),
        ([(byte)'P', (byte)'K', 0x05, 0x06], "an empty ZIP archive"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0x42, 0x5A, 0x68], "a bzip2 archive"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], "an xz archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an Office 97-2003 document"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "an executable"),
        ([0x00, 0x00, 0x01, 0x00], "an icon"),
        ("ID3"u8.ToArray(), "an MP3 file"),
        ("OggS"u8.ToArray(), "an Ogg media file"),
        ("wOFF"u8.ToArray(), "a web font"),
        ("wOF2"u8.ToArray(), "a web font"),
    ];

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "a PNG image", [".jpg"] = "a JPEG image", [".jpeg"] = "a JPEG image", [".gif"] = "a GIF image",
        [".webp"] = "a WebP image", [".bmp"] = "a bitmap image", [".tif"] = "a TIFF image", [".tiff"] = "a TIFF image",
        [".ico"] = "an icon", [".svg"] = "an SVG image", [".heic"] = "a HEIC image",
        [".doc"] = "a Word 97-2003 document", [".odt"] = "an OpenDocument text",
        [".rtf"] = "an RTF document", [".xls"] = "an Excel workbook", [".xlsx"] = "an Excel workbook", [".ppt"] = "a PowerPoint file",
        [".pptx"] = "a PowerPoint file", [".epub"] = "an EPUB book",
        [".zip"] = "a ZIP archive", [".gz"] = "a gzip archive", [".tgz"] = "a gzip archive", [".tar"] = "a tar archive",
        [".7z"] = "a 7-Zip archive", [".rar"] = "a RAR archive", [".bz2"] = "a bzip2 archive", [".xz"] = "an xz archive",
        [".mp3"] = "an audio file", [".wav"] = "an audio file", [".ogg"] = "a media file", [".mp4"] = "a video file",
        [".mov"] = "a video file", [".avi"] = "a video file", [".webm"] = "a video file",
        [".exe"] = "an executable", [".dll"] = "a library", [".so"] = "a library", [".bin"] = "a binary file",
        [".woff"] = "a web font", [".woff2"] = "a web font", [".ttf"] = "a font", [".otf"] = "a font",
    };

    /// <summary>What kind of binary file the bytes or the extension say this is, or <c>null</c>.</summary>
    public static string? Identify(ReadOnlySpan<byte> content, string? extension)
    {
        foreach (var (magic, kind) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return kind;
            }
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return "a WebP image";
        }

        return extension is not null && Extensions.TryGetValue(extension, out var byName) ? byName : null;
    }
}
