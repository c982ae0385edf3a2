using NewsSummarizer.Evaluation;

namespace NewsSummarizer.Tests.Evaluation;

// Expected values are worked out by hand in the comments.
public sealed class RougeTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Score_OneWordSwapped_MatchesHandCount()
    {
        // the cat sat on the mat / the cat was on the mat: 5 of 6 unigrams, 3 of 5 bigrams, LCS 5.
        var scores = CreateSut().Score("the cat sat on the mat", "the cat was on the mat");

        Assert.Equal(5.0 / 6, scores.Rouge1.F1, Tolerance);
        Assert.Equal(3.0 / 5, scores.Rouge2.F1, Tolerance);
        Assert.Equal(5.0 / 6, scores.RougeL.F1, Tolerance);
    }

    [Fact]
    public void Score_DifferentLengths_SeparatesPrecisionAndRecall()
    {
        // 2 of the candidate's 4 unigrams, 2 of the reference's 2: P = 0.5, R = 1, F = 2/3.
        var scores = CreateSut().Score("police arrested two men", "police arrested");

        Assert.Equal(0.5, scores.Rouge1.Precision, Tolerance);
        Assert.Equal(1.0, scores.Rouge1.Recall, Tolerance);
        Assert.Equal(2.0 / 3, scores.Rouge1.F1, Tolerance);
        Assert.Equal(1.0 / 3, scores.Rouge2.Precision, Tolerance);
    }

    [Fact]
    public void Score_Stemming_MatchesInflectedFormsLongerThanThreeCharacters()
    {
        // running -> run, dogs -> dog; "run" has three characters and is left alone. Bigrams differ in order.
        var scores = CreateSut().Score("running dogs", "dogs run");

        Assert.Equal(1.0, scores.Rouge1.F1, Tolerance);
        Assert.Equal(0.0, scores.Rouge2.F1, Tolerance);
        Assert.Equal(0.5, scores.RougeL.F1, Tolerance);
    }

    [Fact]
    public void Score_WithoutStemming_InflectedFormsDiffer()
    {
        var scores = new Rouge(stem: false).Score("running dogs", "dogs run");

        Assert.Equal(0.5, scores.Rouge1.F1, Tolerance);
    }

    [Fact]
    public void Score_Exceptions_MapIrregularFormsBeforeStemming()
    {
        var sut = new Rouge(exceptions: new Dictionary<string, string> { ["said"] = "say" });

        Assert.Equal(1.0, sut.Score("officials said", "officials say").Rouge1.F1, Tolerance);
    }

    [Fact]
    public void Tokenize_Punctuation_BecomesSpaceAndCaseIsLowered() =>
        Assert.Equal(["u", "s", "led", "talks", "2024"], new Rouge(stem: false).Tokenize("U.S.-led TALKS, (2024)!"));

    [Fact]
    public void Score_SummaryLevelLcs_UnionsOverCandidateSentences()
    {
        // Lin (2004) 3.2: r = a b c d e; c1 = a b f g h, c2 = a c h i e. Union LCS {a, b, c, e} = 4:
        // R = 4/5, P = 4/10, F = 2 * 0.8 * 0.4 / 1.2.
        var scores = CreateSut().Score("a b f g h\na c h i e", "a b c d e");

        Assert.Equal(0.8, scores.RougeL.Recall, Tolerance);
        Assert.Equal(0.4, scores.RougeL.Precision, Tolerance);
        Assert.Equal(2 * 0.8 * 0.4 / 1.2, scores.RougeL.F1, Tolerance);
    }

    [Fact]
    public void Score_SeveralReferences_AveragesPerReference()
    {
        // F1 is 1 against the first reference and 0 against the second.
        var scores = CreateSut().Score("storm hits coast", "storm hits coast", "markets fell sharply");

        Assert.Equal(0.5, scores.Rouge1.F1, Tolerance);
    }

    [Fact]
    public void Score_Arabic_NormalisesBothSides()
    {
        var scores = new Rouge(stem: false, arabic: true).Score("أحمد في المدرسة، اليوم", "احمد في المدرسه اليوم");

        Assert.Equal(1.0, scores.Rouge1.F1, Tolerance);
        Assert.Equal(1.0, scores.Rouge2.F1, Tolerance);
    }

    [Fact]
    public void Score_EmptyCandidate_ScoresZero()
    {
        var scores = CreateSut().Score(string.Empty, "anything at all");

        Assert.Equal(0.0, scores.Rouge1.F1, Tolerance);
        Assert.Equal(0.0, scores.RougeL.F1, Tolerance);
    }

    [Fact]
    public void Mean_Documents_AveragesEachComponent()
    {
        var mean = RougeScores.Mean([
            new RougeScores(new RougeScore(1, 0, 0), default, default),
            new RougeScores(new RougeScore(0, 1, 0.5), default, default),
        ]);

        Assert.Equal(new RougeScore(0.5, 0.5, 0.25), mean.Rouge1);
    }

    private static Rouge CreateSut() => new(stem: true);
}
