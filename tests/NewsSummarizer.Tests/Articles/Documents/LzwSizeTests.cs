using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Testing.Documents;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace NewsSummarizer.Tests.Articles.Documents;

/// <summary>The LZW pre-scan counts what PdfPig's own decoder would produce, before it allocates anything.</summary>
public sealed class LzwSizeTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(700)]
    [InlineData(3_000)]
    public void DecodedLength_RunOfOneLetter_MatchesPdfPigsDecoder(int bytes)
    {
        var codes = HostileDocuments.LzwRun(bytes);
        var decoded = new LzwFilter().Decode(codes, new DictionaryToken(new Dictionary<NameToken, IToken>()), DefaultFilterProvider.Instance, 0);

        Assert.Equal(decoded.Length, LzwSize.DecodedLength(codes, earlyChange: true, long.MaxValue));
    }

    [Fact]
    public void Check_StreamDecodingPastTheLimit_ThrowsBeforeDecoding()
    {
        // 150 KB of codes decode to hundreds of megabytes.
        var codes = HostileDocuments.LzwRun(150 * 1024);

        var error = Assert.Throws<DocumentLimitException>(() => LzwSize.Check(codes, earlyChange: true, 32L * 1024 * 1024));

        Assert.Contains("LZW", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SmallStream_Passes()
    {
        var codes = HostileDocuments.LzwRun(64);

        LzwSize.Check(codes, earlyChange: true, 32L * 1024 * 1024);
    }
}
