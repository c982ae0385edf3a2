using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Text;

public sealed class TermAnalyzerTests
{
    [Fact]
    public void Analyze_English_StemsAndDropsStopWords()
    {
        var terms = CreateSut().Analyze("The ministers are running the meetings", "en");

        Assert.Equal(["minist", "run", "meet"], terms);
    }

    [Fact]
    public void Analyze_Arabic_NormalisesStemsAndDropsStopWords()
    {
        var sut = CreateSut();

        var plain = sut.Analyze("المدرسة في المدينة", "ar");
        var voweled = sut.Analyze("المَدْرَسَةُ فِي المَدِينَةِ", "ar");

        Assert.Equal(plain, voweled);
        Assert.DoesNotContain("في", plain);
        Assert.Equal(2, plain.Count);
    }

    [Fact]
    public void Analyze_OtherLanguage_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().Analyze("bonjour", "other"));

    private static TermAnalyzer CreateSut() => TermAnalyzer.Shared;
}
