using NewsSummarizer.Articles;
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
        var result = await CreateSut().SummarizeAsync(new Article(English, null, ArticleLanguage.English), SummaryLength.Default, default);

        Assert.NotNull(result.Summary.En);
        Assert.Null(result.Summary.Ar);
        Assert.Null(result.Title.Ar);
        Assert.Empty(result.KeyPoints.Ar);
        Assert.Equal([ArticleLanguage.Arabic], result.Unavailable);
        Assert.Contains("Summarizer__Provider", result.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(new ModelUsage(ModelProvider.Extractive, "extractive", "extractive-6", null, null), result.Model);
    }

    [Fact]
    public async Task SummarizeAsync_ArabicArticle_FillsArabicOnly()
    {
        var result = await CreateSut().SummarizeAsync(new Article(Arabic, null, ArticleLanguage.Arabic), SummaryLength.Default, default);

        Assert.False(string.IsNullOrWhiteSpace(result.Summary.Ar));
        Assert.Null(result.Summary.En);
        Assert.Empty(result.KeyPoints.En);
        Assert.InRange(result.KeyPoints.Ar.Count, 1, 5);
        Assert.Equal([ArticleLanguage.English], result.Unavailable);
    }

    [Fact]
    public async Task SummarizeAsync_OtherLanguage_ThrowsUnsupportedLanguage()
    {
        var error = await Assert.ThrowsAsync<SummarizationException>(() =>
            CreateSut().SummarizeAsync(new Article("Bonjour à tous.", null, ArticleLanguage.Other), SummaryLength.Default, default));

        Assert.Equal("unsupported-language", error.Code);
        Assert.Contains("Arabic and English", error.Message, StringComparison.Ordinal);
        Assert.Contains("Summarizer__Provider", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ... \n")]
    public async Task SummarizeAsync_NoSentences_ThrowsEmptyArticle(string text)
    {
        var error = await Assert.ThrowsAsync<SummarizationException>(() =>
            CreateSut().SummarizeAsync(new Article(text, null, ArticleLanguage.English), SummaryLength.Default, default));

        Assert.Equal("empty-article", error.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void SelectSentences_SentenceCount_KeepsArticleOrderWithinBudget(int count)
    {
        var picked = CreateSut().SelectSentences(new Article(English, null, ArticleLanguage.English), new SummaryLength(Sentences: count));

        Assert.Equal(count, picked.Count);
        Assert.Equal(picked.OrderBy(s => s.Index), picked);
    }

    [Fact]
    public void SelectSentences_RepeatedSentences_PicksEachOnce()
    {
        var text = English + "\n" + English;

        var picked = CreateSut().SelectSentences(new Article(text, null, ArticleLanguage.English), new SummaryLength(Sentences: 8));

        Assert.Equal(picked.Count, picked.Select(s => s.Text).Distinct().Count());
    }

    [Fact]
    public void SelectSentences_MoreSentencesThanCandidateCap_PicksDistinctSentencesInArticleOrder()
    {
        var text = string.Join("\n", Enumerable.Repeat(English, 6));
        var sut = new ExtractiveSummarizer(ExtractiveOptions.Default with { MaxCandidates = 3 });

        var picked = sut.SelectSentences(new Article(text, null, ArticleLanguage.English), new SummaryLength(Sentences: 5));

        Assert.Equal(5, picked.Count);
        Assert.Equal(picked.Count, picked.Select(s => s.Text).Distinct().Count());
        Assert.Equal(picked.OrderBy(s => s.Index).ToList(), picked);
    }

    [Fact]
    public async Task SummarizeAsync_SameInput_SameOutput()
    {
        var article = new Article(Arabic, null, ArticleLanguage.Arabic);

        var first = await CreateSut().SummarizeAsync(article, new SummaryLength(Ratio: 0.5), default);
        var second = await CreateSut().SummarizeAsync(article, new SummaryLength(Ratio: 0.5), default);

        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(first.Title, second.Title);
        Assert.Equal(first.KeyPoints.Ar, second.KeyPoints.Ar);
    }

    [Fact]
    public async Task SummarizeAsync_Output_UsesOnlyArticleSentences()
    {
        var result = await CreateSut().SummarizeAsync(new Article(English, null, ArticleLanguage.English), SummaryLength.Default, default);

        Assert.All(result.KeyPoints.En, point => Assert.Contains(point.TrimEnd('\u2026'), English, StringComparison.Ordinal));
        Assert.Contains(result.Title.En!, English, StringComparison.Ordinal);
        Assert.InRange(result.KeyPoints.En.Count, 3, 5);
    }

    [Fact]
    public async Task SummarizeAsync_ArticleTitle_IsUsedAsTitle()
    {
        var result = await CreateSut().SummarizeAsync(
            new Article(English, "  Council backs transport budget ", ArticleLanguage.English), SummaryLength.Default, default);

        Assert.Equal("Council backs transport budget", result.Title.En);
    }

    [Fact]
    public async Task SummarizeAsync_HeadlineLineWithoutTitle_UsesItAsTitleNotAsSentence()
    {
        const string headline = "Council backs the biggest transport budget in a decade";
        var article = new Article(headline + "\n\n" + English, null, ArticleLanguage.English);

        var result = await CreateSut().SummarizeAsync(article, new SummaryLength(Ratio: 1.0), default);

        Assert.Equal(headline, result.Title.En);
        Assert.DoesNotContain(headline, result.Summary.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The council met on Monday.\n\n")]
    [InlineData("Council backs budget\n")]
    public void SelectSentences_FirstLineNotAHeadline_KeepsItAsSentence(string firstLine)
    {
        var picked = CreateSut().SelectSentences(new Article(firstLine + English, null, ArticleLanguage.English), new SummaryLength(Ratio: 1.0));

        Assert.Equal(firstLine.Trim(), picked[0].Text);
    }

    [Fact]
    public void SelectSentences_ArticleTitleGiven_KeepsFirstLineAsSentence()
    {
        var article = new Article("Council backs budget\n\n" + English, "Transport", ArticleLanguage.English);

        var picked = CreateSut().SelectSentences(article, new SummaryLength(Ratio: 1.0));

        Assert.Equal("Council backs budget", picked[0].Text);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.33)]
    [InlineData(0.5)]
    public void SelectSentences_RatioBelowOne_TakesDistinctSentencesInOrderNearTheBudget(double ratio)
    {
        var article = new Article(English, null, ArticleLanguage.English);
        var budget = ExtractiveSummarizer.Budget(new SummaryLength(Ratio: ratio), NewsSummarizer.Text.SentenceSplitter.Split(English).Count);

        var picked = CreateSut().SelectSentences(article, new SummaryLength(Ratio: ratio));

        Assert.InRange(picked.Count, Math.Max(1, budget - ExtractiveOptions.Default.CountSpread), budget + ExtractiveOptions.Default.CountSpread);
        Assert.Equal(picked.Count, picked.Select(s => s.Index).Distinct().Count());
        Assert.Equal(picked.OrderBy(s => s.Index).Select(s => s.Index), picked.Select(s => s.Index));
    }

    [Theory]
    [InlineData(null, null, 20, 3)]
    [InlineData(null, null, 6, 2)]
    [InlineData(null, null, 2, 1)]
    [InlineData(0.33, null, 18, 6)]
    [InlineData(0.01, null, 18, 1)]
    [InlineData(null, 4, 18, 4)]
    [InlineData(null, 40, 18, 18)]
    public void Budget_Length_GivesSentenceCount(double? ratio, int? sentences, int available, int expected) =>
        Assert.Equal(expected, ExtractiveSummarizer.Budget(new SummaryLength(ratio, sentences), available));

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(1.5, null)]
    [InlineData(null, 0)]
    public void Budget_InvalidLength_Throws(double? ratio, int? sentences) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExtractiveSummarizer.Budget(new SummaryLength(ratio, sentences), 10));

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(4.0, 2.0)]
    public void SelectSentences_PreparedArticleRescoredWithOtherWeights_PicksWhatThatSummariserPicks(double position, double remaining)
    {
        // Tuning (NewsSummarizer.Evaluation) prepares each article once and rescores it per candidate setting.
        var article = new Article(English, null, ArticleLanguage.English);
        var options = ExtractiveOptions.Default with { PositionWeight = position, RemainingWeight = remaining };
        var length = new SummaryLength(Ratio: 0.4);
        var expected = new ExtractiveSummarizer(options).SelectSentences(article, length).Select(s => s.Text).ToList();

        var prepared = CreateSut().Prepare(article);
        var picked = new ExtractiveSummarizer(options).SelectSentences(prepared, length);

        Assert.Equal(expected, picked.Select(i => prepared.Sentences[i].Text).ToList());
    }

    private static ExtractiveSummarizer CreateSut() => new();
}
