namespace NewsSummarizer.Articles.Documents;

/// <summary>Counts what an LZW stream decodes to without decoding it: the code table is kept as entry lengths only, in
/// the same order and with the same code widths as PdfPig's <c>LzwFilter</c> (PDF 32000-1 7.4.4), so a stream of a
/// few kilobytes that decodes to gigabytes costs one pass over its codes.</summary>
internal static class LzwSize
{
    private const int ClearTable = 256;
    private const int EndOfData = 257;

    /// <summary>Throws <see cref="DocumentLimitException"/> when decoding the stream takes more than
    /// <paramref name="max"/> bytes: its output, and as much again for the decoder's table, whose every entry is a copy
    /// of the output it stands for.</summary>
    public static void Check(ReadOnlySpan<byte> input, bool earlyChange, long max)
    {
        if (DecodedLength(input, earlyChange, max / 2) > max / 2)
        {
            throw new DocumentLimitException($"an LZW stream decodes past {max:N0} bytes");
        }
    }

    /// <summary>The bytes the stream decodes to, counted until they pass <paramref name="stopAfter"/>. A stream that
    /// breaks off counts what came before; PdfPig decides what to make of it.</summary>
    public static long DecodedLength(ReadOnlySpan<byte> input, bool earlyChange, long stopAfter)
    {
        var lengths = new List<int>(4096);
        Reset(lengths);
        long total = 0;
        var previous = -1;
        var width = 9;
        var offset = earlyChange ? 0 : 1;
        long position = 0;
        var bits = (long)input.Length * 8;
        while (position + width <= bits)
        {
            var code = Read(input, position, width);
            position += width;
            if (code == EndOfData)
            {
                return total;
            }

            if (code == ClearTable)
            {
                Reset(lengths);
                previous = -1;
                width = 9;
                continue;
            }

            int length;
            if (code < lengths.Count && lengths[code] > 0)
            {
                length = lengths[code];
                if (previous >= 0)
                {
                    lengths.Add(lengths[previous] + 1);
                }
            }
            else if (previous >= 0)
            {
                length = lengths[previous] + 1;
                lengths.Add(length);
            }
            else
            {
                return total;
            }

            total += length;
            if (total > stopAfter)
            {
                return total;
            }

            previous = code;
            width = lengths.Count >= 2047 + offset ? 12 : lengths.Count >= 1023 + offset ? 11 : lengths.Count >= 511 + offset ? 10 : 9;
        }

        return total;
    }

    private static void Reset(List<int> lengths)
    {
        lengths.Clear();
        for (var i = 0; i < 256; i++)
        {
            lengths.Add(1);
        }

        lengths.Add(0);
        lengths.Add(0);
    }

    private static int Read(ReadOnlySpan<byte> input, long position, int width)
    {
        var value = 0;
        for (var i = 0; i < width; i++, position++)
        {
            value = (value << 1) | ((input[(int)(position >> 3)] >> (7 - (int)(position & 7))) & 1);
        }

        return value;
    }
}
