using System.Text;
using NewsSummarizer.Articles.Encodings;

namespace NewsSummarizer.Tests.Articles;

public sealed class GarbleCheckTests
{
    static GarbleCheckTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(SampleTexts.English)]
    [InlineData(SampleTexts.Arabic)]
    [InlineData(SampleTexts.Mixed)]
    [InlineData("Le président Emmanuel Macron a reçu à l'Élysée les représentants des syndicats et des régions françaises.")]
    public void IsGarbled_RealText_ReturnsFalse(string text) => Assert.False(GarbleCheck.IsGarbled(text, out _));

    [Theory]
    [InlineData("Fans celebrated 🎉🎉🎉 in the streets 😀😀😀 after the final whistle 🏆🏆🏆 and the players ⚽⚽⚽ waved to them all night.")]
    [InlineData("احتفل المشجعون 🎉🎉🎉 في الشوارع 😀😀😀 بعد صافرة النهاية 🏆🏆🏆 ولوّح اللاعبون ⚽⚽⚽ لهم طوال الليل.")]
    [InlineData("The family emoji 👨‍👩‍👧‍👦 and flags 🇸🇦🇪🇬🇬🇧 and math 𝐀𝐁𝐂 are characters, not garbage: 𝒳 𝓨 𝕫.")]
    public void IsGarbled_ShortTextWithEmoji_ReturnsFalse(string text) => Assert.False(GarbleCheck.IsGarbled(text, out _));

    [Fact]
    public void IsGarbled_LoneSurrogates_ReturnsTrue()
    {
        var text = "The council met. " + new string('\uD83D', 10) + " and " + new string('\uDE00', 10);

        Assert.True(GarbleCheck.IsGarbled(text, out _));
    }

    [Fact]
    public void IsGarbled_Utf8ArabicReadAsWindows1252_ReturnsTrue()
    {
        var mojibake = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(SampleTexts.Arabic));

        Assert.True(GarbleCheck.IsGarbled(mojibake, out var reason));
        Assert.Contains("Windows-1252", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IsGarbled_Utf8ArabicReadAsWindows1256_ReturnsTrue()
    {
        var mojibake = Encoding.GetEncoding(1256).GetString(Encoding.UTF8.GetBytes(SampleTexts.Arabic));

        Assert.True(GarbleCheck.IsGarbled(mojibake, out var reason));
        Assert.Contains("Windows-1256", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IsGarbled_MostlyReplacementCharacters_ReturnsTrue() =>
        Assert.True(GarbleCheck.IsGarbled(new string('\uFFFD', 50) + " news", out _));
}
