namespace NewsSummarizer.Articles.Documents;

/// <summary>Walks a PDF's raw bytes once, before PdfPig parses anything: counts indirect objects and measures how
/// deep dictionaries (<c>&lt;&lt;</c>) and arrays (<c>[</c>) nest outside strings, comments and stream data.
/// Linear in the size and without recursion, so a hostile file costs one pass and nothing more.</summary>
internal static class PdfPreScan
{
    public static string? Check(ReadOnlySpan<byte> pdf, DocumentLimits limits)
    {
        int depth = 0, deepest = 0, objects = 0;
        var i = 0;
        while (i < pdf.Length)
        {
            switch (pdf[i])
            {
                case (byte)'%':
                    i = SkipLine(pdf, i);
                    continue;
                case (byte)'(':
                    i = SkipLiteralString(pdf, i);
                    continue;
                case (byte)'<' when At(pdf, i + 1, (byte)'<'):
                case (byte)'[':
                    depth++;
                    deepest = Math.Max(deepest, depth);
                    if (deepest > limits.MaxNestingDepth)
                    {
                        return $"dictionaries and arrays nest deeper than {limits.MaxNestingDepth} levels";
                    }

                    i += pdf[i] == '[' ? 1 : 2;
                    continue;
                case (byte)'<':
                    i = SkipPast(pdf, i + 1, (byte)'>');
                    continue;
                case (byte)'>' when At(pdf, i + 1, (byte)'>'):
                case (byte)']':
                    depth = Math.Max(0, depth - 1);
                    i += pdf[i] == ']' ? 1 : 2;
                    continue;
                case (byte)'o' when IsKeyword(pdf, i, "obj"u8):
                    if (++objects > limits.MaxPdfObjects)
                    {
                        return $"it holds more than {limits.MaxPdfObjects:N0} objects";
                    }

                    i += 3;
                    continue;
                case (byte)'s' when IsKeyword(pdf, i, "stream"u8):
                    i = SkipStream(pdf, i + 6);
                    continue;
                default:
                    i++;
                    continue;
            }
        }

        return null;
    }

    private static bool At(ReadOnlySpan<byte> pdf, int index, byte value) => index < pdf.Length && pdf[index] == value;

    private static bool IsDelimiterOrSpace(byte b) =>
        b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0 or (byte)'<' or (byte)'>'
            or (byte)'[' or (byte)']' or (byte)'(' or (byte)')' or (byte)'/' or (byte)'%';

    private static bool IsKeyword(ReadOnlySpan<byte> pdf, int index, ReadOnlySpan<byte> keyword) =>
        pdf[index..].StartsWith(keyword)
        && (index == 0 || IsDelimiterOrSpace(pdf[index - 1]))
        && (index + keyword.Length == pdf.Length || IsDelimiterOrSpace(pdf[index + keyword.Length]));

    private static int SkipLine(ReadOnlySpan<byte> pdf, int i)
    {
        while (i < pdf.Length && pdf[i] is not ((byte)'\r' or (byte)'\n'))
        {
            i++;
        }

        return i;
    }

    private static int SkipPast(ReadOnlySpan<byte> pdf, int i, byte end)
    {
        var found = pdf[i..].IndexOf(end);
        return found < 0 ? pdf.Length : i + found + 1;
    }

    /// <summary>Literal strings nest balanced parentheses and escape with a backslash.</summary>
    private static int SkipLiteralString(ReadOnlySpan<byte> pdf, int i)
    {
        var open = 0;
        for (; i < pdf.Length; i++)
        {
            switch (pdf[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    open++;
                    break;
                case (byte)')' when --open == 0:
                    return i + 1;
            }
        }

        return i;
    }

    /// <summary>Stream data is binary: jump to <c>endstream</c> without looking inside.</summary>
    private static int SkipStream(ReadOnlySpan<byte> pdf, int i)
    {
        var end = pdf[i..].IndexOf("endstream"u8);
        return end < 0 ? pdf.Length : i + end + 9;
    }
}
