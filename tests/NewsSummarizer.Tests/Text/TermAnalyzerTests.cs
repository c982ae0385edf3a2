using NewsSummarizer.Articles;
using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Text;

public sealed class TermAnalyzerTests
{
    [Fact]
    public void Analyze_English_StemsAndDropsStopWords()
    {
        var terms = CreateSut().Analyze("The ministers are running the meetings", ArticleLanguage.English);

        Assert.Equal(["minist", "run", "meet"], terms);
    }

    [Fact]
    public void Analyze_Arabic_NormalisesStemsAndDropsStopWords()
    {
        var sut = CreateSut();

        var plain = sut.Analyze("المدرسة في المدينة", ArticleLanguage.Arabic);
        var voweled = sut.Analyze("المَدْرَسَةُ فِي المَدِينَةِ", ArticleLanguage.Arabic);

        Assert.Equal(plain, voweled);
        Assert.DoesNotContain("في", plain);
        Assert.Equal(2, plain.Count);
    }

    public static TheoryData<ArticleLanguage, string> Articles => new()
    {
        { ArticleLanguage.English, "The ministers met. Nothing! The meetings ran late.\nRunning ministers, again." },
        { ArticleLanguage.Arabic, "أقر مجلس المدينة الميزانية. وقال الوزير إن الخطة جديدة.\nالمَدْرَسَةُ فِي المَدِينَةِ." },

        // Long enough to be analysed in several chunks: sentences on both sides of every boundary, and an empty one.
        { ArticleLanguage.Arabic, string.Join("\n", Enumerable.Range(0, 400).Select(i => i % 50 == 0 ? "٢٠٢٤." : $"قال الوزير {i} إن الخطة الجديدة للمدينة تبدأ غدًا.")) },
        { ArticleLanguage.English, string.Join(" ", Enumerable.Range(0, 600).Select(i => $"Minister {i} said the city's plans were running late.")) },
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void AddSentenceTermIds_OnePass_MatchesEachSentenceAnalysedAlone(ArticleLanguage language, string text)
    {
        var sentences = SentenceSplitter.Split(text);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<int>();
        var ends = new int[sentences.Count];

        CreateSut().AddSentenceTermIds(sentences, language, vocabulary, ids, ends);

        var names = vocabulary.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        for (var i = 0; i < sentences.Count; i++)
        {
            var start = i == 0 ? 0 : ends[i - 1];
            Assert.Equal(CreateSut().Analyze(sentences[i].Text, language), ids[start..ends[i]].Select(id => names[id]));
        }
    }

    [Fact]
    public void Analyze_OtherLanguage_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().Analyze("bonjour", ArticleLanguage.Other));

    private static TermAnalyzer CreateSut() => TermAnalyzer.Shared;
}
