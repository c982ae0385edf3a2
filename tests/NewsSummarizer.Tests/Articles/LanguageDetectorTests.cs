using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Articles;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData(TestData.ArabicArticle, ArticleLanguage.Arabic)]
    [InlineData(TestData.EnglishArticle, ArticleLanguage.English)]
    [InlineData("Le conseil municipal a approuvé jeudi un nouveau budget pour les transports publics de la ville.", ArticleLanguage.Other)]
    [InlineData("Совет города утвердил новый бюджет на общественный транспорт.", ArticleLanguage.Other)]
    [InlineData("1234 5678 !!!", ArticleLanguage.Other)]
    [InlineData("", ArticleLanguage.Other)]
    public void Detect_Text_ReturnsLanguageOfItsScript(string text, ArticleLanguage expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void Detect_ArabicWithLatinNames_IsArabic() =>
        Assert.Equal(ArticleLanguage.Arabic, LanguageDetector.Detect("قال وزير الخارجية إن حلف NATO سيجتمع في Brussels الأسبوع المقبل لبحث الأزمة."));
}
