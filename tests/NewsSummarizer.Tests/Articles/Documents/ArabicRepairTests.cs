using NewsSummarizer.Articles.Documents;
using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.Tests.Articles.Documents;

public sealed class ArabicRepairTests
{
    private const string Logical = "أعلنت الوزارة في العاصمة عن افتتاح مستشفى جديد";

    [Fact]
    public void VisualToLogical_ReversedLine_RestoresLetterAndWordOrder()
    {
        Assert.Equal(Logical, ArabicRepair.VisualToLogical(Reverse(Logical)));
    }

    [Fact]
    public void VisualToLogical_NumbersAndLatinInside_KeepTheirOwnDirection()
    {
        const string logical = "افتتح المستشفى عام 2024 بسعة 200 سرير (WHO) اليوم";

        // As drawn, left to right: Arabic runs reversed, left-to-right runs (2024, 200, WHO) not, brackets as they look.
        const string visual = "مويلا (WHO) ريرس 200 ةعسب 2024 ماع ىفشتسملا حتتفا";

        Assert.Equal(logical, ArabicRepair.VisualToLogical(visual));
    }

    [Fact]
    public void LogicalOrderEvidence_LogicalLine_IsPositiveAndReversedIsNegative()
    {
        Assert.True(ArabicRepair.LogicalOrderEvidence(Logical) > 0);
        Assert.True(ArabicRepair.LogicalOrderEvidence(Reverse(Logical)) < 0);
    }

    [Fact]
    public void LogicalOrderEvidence_ShapedLine_ReadsTheFormsPositions()
    {
        var shaped = ArabicShaper.Shape("بيت كبير جدا");

        Assert.True(ArabicRepair.LogicalOrderEvidence(shaped) > 0);
        Assert.True(ArabicRepair.LogicalOrderEvidence(Reverse(shaped)) < 0);
    }

    [Fact]
    public void ToLetters_PresentationForms_BecomeBaseLettersWithLamAlefSplit()
    {
        Assert.Equal(Logical, ArabicRepair.ToLetters(ArabicShaper.Shape(Logical)));
        Assert.Equal("لا السلام", ArabicRepair.ToLetters(ArabicShaper.Shape("لا السلام")));
    }

    [Theory]
    [InlineData("Breaking news ﬁnance", "Breaking news ﬁnance")]
    [InlineData("x² + 1", "x² + 1")]
    public void ToLetters_NonArabicCharacters_Untouched(string input, string expected)
    {
        Assert.Equal(expected, ArabicRepair.ToLetters(input));
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
