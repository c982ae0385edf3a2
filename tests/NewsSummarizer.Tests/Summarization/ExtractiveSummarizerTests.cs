using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Tests.Summarization;

public sealed class ExtractiveSummarizerTests
{
    private const string English = """
        The city council approved a new budget for public transport on Monday.
        The budget adds forty buses and extends night service on six routes.
        Council members said the transport budget was the largest in a decade.
        Some residents asked for more cycling lanes instead of buses.
        The mayor said cycling lanes would be discussed next month.
        Bus drivers welcomed the extra night service and the new buses.
        The transport plan takes effect in January after a public hearing.
        Critics said the budget relies on fares that may not rise as planned.
        """;

    private const string Arabic = """
        أقر مجلس المدينة يوم الاثنين ميزانية جديدة للنقل العام.
        تضيف الميزانية أربعين حافلة وتمدد الخدمة الليلية على ستة خطوط.
        وقال أعضاء المجلس إن ميزانية النقل هي الأكبر منذ عقد.
        وطالب بعض السكان بمزيد من مسارات الدراجات بدلا من الحافلات.
        وقال رئيس البلدية إن مسارات الدراجات ستناقش الشهر المقبل.
        ورحب سائقو الحافلات بالخدمة الليلية الإضافية والحافلات الجديدة.
        وتدخل خطة النقل حيز التنفيذ في يناير بعد جلسة استماع عامة.
        """;

    [Fact]
    public async Task SummarizeAsync_EnglishArticle_FillsEnglishOnlyAndExplainsArabic()
    {
        var result = await CreateSut().SummarizeAsync(new Article(English, null, "en"), SummaryLength.Default, default);

        Assert.NotNull(result.Summary.En);
        Assert.Null(result.Summary.Ar);
        Assert.Null(result.Title.Ar);
        Assert.Empty(result.KeyPoints.Ar);
        Assert.Equal(["ar"], result.Unavailable);
        Assert.Contains("Summarizer__Provider", result.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(new ModelUsage("Extractive", "extractive", "extractive-1", null, null), result.Model);
    }

    [Fact]
    public async Task SummarizeAsync_ArabicArticle_FillsArabicOnly()
    {
        var result = await CreateSut().SummarizeAsync(new Article(Arabic, null, "ar"), SummaryLength.Default, default);

        Assert.False(string.IsNullOrWhiteSpace(result.Summary.Ar));
        Assert.Null(result.Summary.En);
        Assert.Empty(result.KeyPoints.En);
        Assert.InRange(result.KeyPoints.Ar.Count, 1, 5);
        Assert.Equal(["en"], result.Unavailable);
    }

    private static ExtractiveSummarizer CreateSut() => new();
}
