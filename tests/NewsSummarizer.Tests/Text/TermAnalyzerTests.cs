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

    public static TheoryData<string, string> Articles => new()
    {
        { "en", "The ministers met. Nothing! The meetings ran late.\nRunning ministers, again." },
        { "ar", "أقر مجلس المدينة الميزانية. وقال الوزير إن الخطة جديدة.\nالمَدْرَسَةُ فِي المَدِينَةِ." },

        // Long enough to be analysed in several chunks: sentences on both sides of every boundary, and an empty one.
        { "ar", string.Join("\n", Enumerable.Range(0, 400).Select(i => i % 50 == 0 ? "٢٠٢٤." : $"قال الوزير {i} إن الخطة الجديدة للمدينة تبدأ غدًا.")) },
        { "en", string.Join(" ", Enumerable.Range(0, 600).Select(i => $"Minister {i} said the city's plans were running late.")) },
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void AddSentenceTermIds_OnePass_MatchesEachSentenceAnalysedAlone(string language, string text)
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
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().Analyze("bonjour", "other"));

    private static TermAnalyzer CreateSut() => TermAnalyzer.Shared;
}
