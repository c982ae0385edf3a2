using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Text;

public sealed class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إسلام", "اسلام")]
    [InlineData("آمن", "امن")]
    [InlineData("ٱلله", "الله")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مدرسة", "مدرسه")]
    public void Normalize_LetterVariants_FoldsToBaseLetter(string input, string expected) =>
        Assert.Equal(expected, CreateSut(input));

    [Fact]
    public void Normalize_Diacritics_Removed() =>
        Assert.Equal("كتب الطالب", CreateSut("كَتَبَ الطَّالِبُ"));

    [Fact]
    public void Normalize_TatweelAndSuperscriptAlef_Removed() =>
        Assert.Equal("جميل هذا", CreateSut("جمـــيل هٰذا"));

    [Fact]
    public void Normalize_LatinTextAndPunctuation_Unchanged()
    {
        const string text = "Reuters، 3.5% (2024) — OK؟";
        Assert.Same(text, ArabicNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_EmptyString_ReturnsEmpty() => Assert.Equal(string.Empty, CreateSut(string.Empty));

    private static string CreateSut(string input) => ArabicNormalizer.Normalize(input);

    [Theory]
    [InlineData("كَتَبَ الطَّالِبُ في المدرسة")]
    [InlineData("جمـــيل هٰذا، أحمد وإسلام")]
    [InlineData("Reuters 2024")]
    [InlineData("")]
    public void NormalizeTo_AnyText_WritesWhatNormalizeReturns(string text)
    {
        var buffer = new char[ArabicNormalizer.NormalizedLength(text)];

        var written = ArabicNormalizer.NormalizeTo(text, buffer);

        Assert.Equal(buffer.Length, written);
        Assert.Equal(ArabicNormalizer.Normalize(text), new string(buffer));
    }
}
