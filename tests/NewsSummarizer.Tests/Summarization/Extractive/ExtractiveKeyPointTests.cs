using NewsSummarizer.Articles;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Summarization.Extractive;

// Key points are whole sentences or a sentence's opening clauses: never cut mid-clause, never an ellipsis.
public sealed class ExtractiveKeyPointTests
{
    private const string English = """
        The city council approved a budget for public transport on Monday, after a debate that lasted late into the night, and the mayor said the first of forty new buses would reach the streets in January on six routes across the city.
        The budget adds forty buses and extends night service on six routes, which drivers had asked for since the old depot closed, while fares stay at their current level until the end of next year at the earliest.
        Council members said the transport budget was the largest in a decade.
        Some residents asked for more cycling lanes instead of buses, pointing to the crowded bridges, the narrow streets of the old town and the cost of running diesel buses at night when few people travel.
        The mayor said cycling lanes would be discussed next month.
        Critics said the budget relies on fares that may not rise as planned, and that the council has not said where the money would come from if the national grant that pays for the buses is cut in the spring.
        """;

    private const string Arabic = """
        أقر مجلس المدينة يوم الاثنين ميزانية جديدة للنقل العام بعد نقاش استمر حتى ساعة متأخرة من الليل، وقال رئيس البلدية إن أول أربعين حافلة جديدة ستصل إلى الشوارع في يناير على ستة خطوط في أنحاء المدينة كلها.
        تضيف الميزانية أربعين حافلة وتمدد الخدمة الليلية على ستة خطوط طالب بها السائقون منذ إغلاق المستودع القديم، بينما تبقى الأجرة على مستواها الحالي حتى نهاية العام المقبل على الأقل بحسب المجلس.
        وقال أعضاء المجلس إن ميزانية النقل هي الأكبر منذ عقد.
        وطالب بعض السكان بمزيد من مسارات الدراجات بدلا من الحافلات، مشيرين إلى ازدحام الجسور وضيق شوارع المدينة القديمة وتكلفة تشغيل حافلات الديزل ليلا عندما يقل عدد الركاب في معظم الخطوط.
        وقال رئيس البلدية إن مسارات الدراجات ستناقش الشهر المقبل.
        وقال المنتقدون إن الميزانية تعتمد على أجور قد لا ترتفع كما هو مخطط، وإن المجلس لم يوضح من أين سيأتي المال إذا خفضت المنحة الوطنية التي تمول الحافلات في الربيع المقبل كما يتوقع كثيرون.
        """;

    [Theory]
    [InlineData(English, ArticleLanguage.English)]
    [InlineData(Arabic, ArticleLanguage.Arabic)]
    public async Task SummarizeAsync_LongSentences_KeyPointsEndAtSentenceOrClauseBoundaries(string text, ArticleLanguage language)
    {
        var sentences = SentenceSplitter.Split(text).Select(s => s.Text).ToList();

        var result = await CreateSut().SummarizeAsync(new Article(text, null, language), new SummaryLength(), CancellationToken.None);

        var keyPoints = language == ArticleLanguage.Arabic ? result.KeyPoints.Ar : result.KeyPoints.En;
        Assert.NotEmpty(keyPoints);
        Assert.Contains(keyPoints, p => !sentences.Contains(p)); // At least one long sentence was shortened.
        foreach (var point in keyPoints)
        {
            Assert.DoesNotContain("\u2026", point, StringComparison.Ordinal);
            Assert.True(sentences.Contains(point) || EndsAtClauseBoundary(point, sentences), $"'{point}' is cut mid-clause.");
            Assert.InRange(Words.Count(point), 1, Math.Max(ExtractiveOptions.Default.KeyPointMaxWords, LongestWhole(point, sentences)));
        }
    }

    // A shortened point is the opening of an article sentence followed there by a clause mark.
    private static bool EndsAtClauseBoundary(string point, List<string> sentences) => sentences.Any(s =>
        s.StartsWith(point, StringComparison.Ordinal) && s.Length > point.Length && s[point.Length] is ',' or '\u060C' or ';' or '\u061B' or ':');

    private static int LongestWhole(string point, List<string> sentences) => sentences.Contains(point) ? Words.Count(point) : 0;

    private static ExtractiveSummarizer CreateSut() => new();
}
