using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace NewsSummarizer.Articles.Documents;

/// <summary>PdfPig's stream filters with a cap on what they may inflate, for the whole document together.</summary>
/// <remarks>A Flate or LZW stream is first decoded into a counting sink (nothing kept), so a small stream that decodes
/// to gigabytes is refused before PdfPig allocates its output; other filters are checked on their output. In a chain
/// (Flate, then LZW) each filter's input is the previous one's counted output.</remarks>
internal sealed class BoundedFilterProvider(long maxBytes) : IFilterProvider
{
    private readonly IFilterProvider inner = DefaultFilterProvider.Instance;
    private long decoded;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => [.. inner.GetFilters(dictionary).Select(Wrap)];

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => [.. inner.GetNamedFilters(names).Select(Wrap)];

    public IReadOnlyList<IFilter> GetAllFilters() => [.. inner.GetAllFilters().Select(Wrap)];

    private BoundedFilter Wrap(IFilter filter) => new(filter, this);

    private void Add(long bytes)
    {
        if (Interlocked.Add(ref decoded, bytes) > maxBytes)
        {
            throw new DocumentLimitException($"its streams inflate past {maxBytes:N0} bytes");
        }
    }

    private long Remaining => maxBytes - Interlocked.Read(ref decoded);

    private sealed class BoundedFilter(IFilter filter, BoundedFilterProvider owner) : IFilter
    {
        public bool IsSupported => filter.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (filter is FlateFilter)
            {
                ProbeInflatedSize(input, owner.Remaining);
            }
            else if (filter is LzwFilter)
            {
                LzwSize.Check(input.Span, EarlyChange(streamDictionary, filterIndex), owner.Remaining);
            }

            var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
            owner.Add(output.Length);
            return output;
        }

        /// <summary>The stream's <c>/EarlyChange</c> for this filter (PDF 32000-1 table 8; 1 when absent).</summary>
        private static bool EarlyChange(DictionaryToken dictionary, int filterIndex)
        {
            var parameters = dictionary.TryGet(NameToken.DecodeParms, out var token) || dictionary.TryGet(NameToken.Dp, out token) ? token : null;
            if (parameters is ArrayToken array)
            {
                parameters = filterIndex < array.Length ? array[filterIndex] : null;
            }

            return !(parameters is DictionaryToken parms && parms.TryGet(NameToken.EarlyChange, out var value) && value is NumericToken { Int: 0 });
        }

        private static void ProbeInflatedSize(Memory<byte> input, long max)
        {
            var buffer = new byte[81920];
            long total = 0;
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(input.ToArray(), writable: false), CompressionMode.Decompress);
                int read;
                while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > max)
                    {
                        throw new DocumentLimitException($"a stream inflates past {max:N0} bytes");
                    }
                }
            }
            catch (InvalidDataException)
            {
                // A damaged stream: PdfPig's own filter decides what of it can be read, and its output is counted.
            }
        }
    }
}
