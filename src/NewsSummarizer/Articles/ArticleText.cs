using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsSummarizer.Text;

namespace NewsSummarizer.Articles;

/// <summary>Normalisation of decoded text, and the hash that decides whether a stored result is current.</summary>
public static class ArticleText
{
    private static readonly SearchValues<char> FormatOrSurrogate = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => CharCategories.Of(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate)]);

    /// <summary>Unicode NFC, LF line ends, trimmed lines, at most one blank line between paragraphs.
    /// Two uploads that differ only in such noise hash the same and are not summarised twice.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC)
            .ReplaceLineEndings("\n");
        var builder = new StringBuilder(normalized.Length);
        var blankLines = 0;
        foreach (var range in normalized.AsSpan().Split('\n'))
        {
            var line = normalized.AsSpan()[range].Trim();
            if (line.IsEmpty)
            {
                blankLines++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            builder.Append(line);
            blankLines = 0;
        }

        return builder.ToString();
    }

    /// <summary>Removes Unicode format characters (category Cf): bidi marks (RLM, LRM, ALM), joiners (ZWJ, ZWNJ),
    /// zero-width spaces, soft hyphens, byte order marks. RTL editors scatter them through Arabic text; left in, they
    /// split or glue words for counting, language detection and sentence splitting, and they mean nothing to a
    /// summary. A bidi mark between a visible character and a letter or digit is the only thing separating two
    /// words, so it becomes a space; every other format character is dropped.</summary>
    public static string RemoveFormatCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ContainsFormatCharacter(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var span = text.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            Rune.DecodeFromUtf16(span[i..], out var rune, out var consumed);
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                builder.Append(span.Slice(i, consumed));
            }
            else if (IsBidiMark(rune) && builder.Length > 0 && !char.IsWhiteSpace(builder[^1]) &&
                     i + consumed < span.Length && char.IsLetterOrDigit(span[i + consumed]))
            {
                builder.Append(' ');
            }

            i += consumed;
        }

        return builder.ToString();
    }

    /// <summary>A title as one line: format characters removed, NFC, every run of white space or control characters
    /// (line breaks included) one space, at most <see cref="ArticleLimits.MaxTitleLength"/> characters, cut at a space.</summary>
    public static string? NormalizeTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = RemoveFormatCharacters(title).Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(Math.Min(text.Length, ArticleLimits.MaxTitleLength + 1));
        foreach (var c in text)
        {
            var clean = char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c;
            if (clean == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(clean);
            if (builder.Length > ArticleLimits.MaxTitleLength)
            {
                break;
            }
        }

        var line = builder.ToString().TrimEnd();
        if (line.Length > ArticleLimits.MaxTitleLength)
        {
            var space = line.LastIndexOf(' ', ArticleLimits.MaxTitleLength);
            line = line[..(space > 0 ? space : ArticleLimits.MaxTitleLength)].TrimEnd();
            line = char.IsHighSurrogate(line[^1]) ? line[..^1] : line;
        }

        return line.Length == 0 ? null : line;
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of already normalised text.</summary>
    public static string Sha256(string normalizedText)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText), hash);
        return Convert.ToHexStringLower(hash);
    }

    // A surrogate may be half of an astral format character (the tag characters, U+E0001...).
    private static bool ContainsFormatCharacter(string text) => text.AsSpan().ContainsAny(FormatOrSurrogate);

    private static bool IsBidiMark(Rune rune) =>
        rune.Value is 0x200E or 0x200F or 0x061C or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}
