using System.Text;

namespace NewsSummarizer.Articles.Encodings;

/// <summary>Finds the character encoding of uploaded bytes: a BOM (UTF-8, UTF-16 LE/BE), UTF-16 without BOM when the
/// zero bytes say so, valid UTF-8 as is, and, for bytes that are not UTF-8, the legacy Arabic code pages Windows-1256
/// and ISO-8859-6 when they decode to mostly Arabic letters.</summary>
/// <remarks>Everything is decoded strictly: a byte that is invalid in the chosen encoding is never silently replaced.</remarks>
internal static class TextDecoder
{
    public const string Utf8 = "utf-8";
    public const string Utf8Bom = "utf-8-bom";
    public const string Utf16Le = "utf-16le";
    public const string Utf16Be = "utf-16be";
    public const string Windows1256 = "windows-1256";
    public const string Iso88596 = "iso-8859-6";

    // UTF-16 sniffing looks at this many bytes; ASCII characters (spaces, digits, punctuation, Latin letters) put a
    // zero byte at every other position, which text in any 8-bit encoding never has.
    private const int SniffBytes = 8192;
    private const double MinUtf16ZeroShare = 0.1;
    private const double MaxUtf16OtherZeroShare = 0.1;

    // A legacy code page is accepted only when it yields mostly Arabic letters: the bytes then say which it is.
    private const double MinLegacyArabicShare = 0.5;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly (string Name, Encoding Encoding)[] LegacyArabic = CreateLegacyArabic();

    public static DecodedText Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            return DecodeWith(StrictUtf8, content[3..], Utf8Bom);
        }

        if (content.StartsWith(Encoding.Unicode.Preamble))
        {
            return DecodeWith(StrictUtf16Le, content[2..], Utf16Le);
        }

        if (content.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return DecodeWith(StrictUtf16Be, content[2..], Utf16Be);
        }

        if (SniffUtf16(content) is { } utf16)
        {
            return DecodeWith(utf16 == Utf16Le ? StrictUtf16Le : StrictUtf16Be, content, utf16);
        }

        if (content.Contains((byte)0))
        {
            return NotText(encoding: null);
        }

        if (TryStrict(StrictUtf8, content, out var utf8))
        {
            return DecodedText.Decoded(utf8, Utf8);
        }

        return DecodeLegacyArabic(content) ?? DecodedText.Failed(
            ArticleErrorCodes.UnsupportedEncoding,
            "The article is not valid UTF-8 or UTF-16 text, nor Arabic in Windows-1256 or ISO-8859-6. " +
            "Save it as UTF-8 and upload it again.");
    }

    /// <summary>Which UTF-16 byte order the zero bytes point to, or <c>null</c> when they do not point to UTF-16.</summary>
    internal static string? SniffUtf16(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, SniffBytes)];
        var pairs = sample.Length / 2;
        if (pairs < 2)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        if (oddZeros >= pairs * MinUtf16ZeroShare && evenZeros <= oddZeros * MaxUtf16OtherZeroShare)
        {
            return Utf16Le;
        }

        return evenZeros >= pairs * MinUtf16ZeroShare && oddZeros <= evenZeros * MaxUtf16OtherZeroShare ? Utf16Be : null;
    }

    private static DecodedText? DecodeLegacyArabic(ReadOnlySpan<byte> content)
    {
        (string Name, string Text, double Share)? best = null;
        foreach (var (name, encoding) in LegacyArabic)
        {
            if (!TryStrict(encoding, content, out var text))
            {
                continue;
            }

            // UTF-8 Arabic with a stray invalid byte also "decodes" in Windows-1256, as mojibake: that is not it.
            var share = ScriptProfile.Of(text).ArabicShare;
            if (share >= MinLegacyArabicShare && (best is null || share > best.Value.Share) && !GarbleCheck.IsGarbled(text, out _))
            {
                best = (name, text, share);
            }
        }

        return best is { } found ? DecodedText.Decoded(found.Text, found.Name) : null;
    }

    private static DecodedText DecodeWith(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        if (!TryStrict(encoding, bytes, out var text))
        {
            return DecodedText.Failed(
                ArticleErrorCodes.UnsupportedEncoding,
                $"The article starts like {name} text but contains bytes that are invalid in {name}. " +
                "Save it as UTF-8 and upload it again.",
                name);
        }

        return text.Contains('\0', StringComparison.Ordinal) ? NotText(name) : DecodedText.Decoded(text, name);
    }

    private static DecodedText NotText(string? encoding) => DecodedText.Failed(
        ArticleErrorCodes.BinaryContent,
        "The file contains NUL bytes, so it is not text. Upload the article as a text, Markdown, HTML or JSON file.",
        encoding);

    private static bool TryStrict(Encoding decoder, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = decoder.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static (string, Encoding)[] CreateLegacyArabic()
    {
        // .NET includes the code pages but only enables them once the provider is registered (idempotent).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return
        [
            (Windows1256, Encoding.GetEncoding(1256, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)),
            (Iso88596, Encoding.GetEncoding(28596, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)),
        ];
    }
}
