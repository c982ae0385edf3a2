using System.Security.Cryptography;
using System.Text;

namespace NewsSummarizer.Articles;

/// <summary>Normalisation of decoded text, and the hash that decides whether a stored result is current.</summary>
public static class ArticleText
{
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

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of already normalised text.</summary>
    public static string Sha256(string normalizedText)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Counts whitespace-separated words that contain a letter and are not links (URLs, <c>www.</c> names,
    /// e-mail addresses): a file of numbers or links alone is no article, however long.</summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var range in text.AsSpan().SplitAny(" \t\n\r\u00A0"))
        {
            var word = text.AsSpan()[range];
            if (HasLetter(word) && !IsLink(word))
            {
                count++;
            }
        }

        return count;
    }

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLink(ReadOnlySpan<char> word) =>
        word.Contains("://", StringComparison.Ordinal) ||
        word.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ||
        (word.Contains('@') && word.Contains('.'));
}
