using System.Text;
using NewsSummarizer.Articles;
using NewsSummarizer.Articles.Encodings;

namespace NewsSummarizer.Tests.Articles;

public sealed class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(SampleTexts.English)]
    [InlineData(SampleTexts.Arabic)]
    public void SniffUtf16_LittleEndianWithoutBom_ReturnsUtf16le(string text) =>
        Assert.Equal(TextDecoder.Utf16Le, TextDecoder.SniffUtf16(Encoding.Unicode.GetBytes(text)));

    [Theory]
    [InlineData(SampleTexts.English)]
    [InlineData(SampleTexts.Arabic)]
    public void SniffUtf16_BigEndianWithoutBom_ReturnsUtf16be(string text) =>
        Assert.Equal(TextDecoder.Utf16Be, TextDecoder.SniffUtf16(Encoding.BigEndianUnicode.GetBytes(text)));

    [Theory]
    [InlineData(SampleTexts.English)]
    [InlineData(SampleTexts.Arabic)]
    public void SniffUtf16_Utf8Text_ReturnsNull(string text) =>
        Assert.Null(TextDecoder.SniffUtf16(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void SniffUtf16_ZerosAtBothParities_ReturnsNull() =>
        Assert.Null(TextDecoder.SniffUtf16(new byte[64]));

    [Fact]
    public void Decode_Windows1256Arabic_ReturnsArabicText()
    {
        var decoded = TextDecoder.Decode(Encoding.GetEncoding(1256).GetBytes(SampleTexts.Arabic));

        Assert.True(decoded.IsDecoded);
        Assert.Equal(TextDecoder.Windows1256, decoded.Encoding);
        Assert.Equal(SampleTexts.Arabic, decoded.Text);
    }

    [Fact]
    public void Decode_Iso88596Arabic_ReturnsArabicText()
    {
        var decoded = TextDecoder.Decode(Encoding.GetEncoding("iso-8859-6").GetBytes(SampleTexts.Arabic));

        Assert.True(decoded.IsDecoded);
        Assert.Equal(TextDecoder.Iso88596, decoded.Encoding);
        Assert.Equal(SampleTexts.Arabic, decoded.Text);
    }

    [Fact]
    public void Decode_Utf8ArabicWithOneInvalidByte_RejectsUnsupportedEncodingNotMojibake()
    {
        var decoded = TextDecoder.Decode([.. Encoding.UTF8.GetBytes(SampleTexts.Arabic), 0xFF]);

        Assert.False(decoded.IsDecoded);
        Assert.Equal(ArticleErrorCodes.UnsupportedEncoding, decoded.Error.Code);
    }

    [Fact]
    public void Decode_Latin1French_RejectsUnsupportedEncoding()
    {
        var decoded = TextDecoder.Decode(Encoding.Latin1.GetBytes("Le président a déclaré que la réunion était très importante pour l'été."));

        Assert.False(decoded.IsDecoded);
        Assert.Equal(ArticleErrorCodes.UnsupportedEncoding, decoded.Error.Code);
    }

    [Fact]
    public void Decode_Utf8BomWithInvalidBytes_RejectsUnsupportedEncoding()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'a', 0xC3, 0x28];

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(ArticleErrorCodes.UnsupportedEncoding, decoded.Error?.Code);
        Assert.Equal(TextDecoder.Utf8Bom, decoded.Encoding);
    }
}
