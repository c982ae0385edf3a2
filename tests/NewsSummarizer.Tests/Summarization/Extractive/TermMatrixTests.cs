using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Tests.Summarization.Extractive;

public sealed class TermMatrixTests
{
    // Three sentences over vocabulary ids 0-2: term 0 is in all three, term 2 in two, term 1 in one.
    private static readonly int[] Ids = [0, 1, 0, 0, 2, 2, 0];
    private static readonly int[] Ends = [2, 5, 7];

    [Fact]
    public void Build_TermsNumberedRarestFirst()
    {
        var sut = TermMatrix.Build(Ids, Ends, vocabularySize: 3);

        Assert.Equal([1, 2, 3], sut.DocumentFrequencies);
        Assert.Equal(0, sut.IdOf(1));
        Assert.Equal(1, sut.IdOf(2));
        Assert.Equal(2, sut.IdOf(0));
    }

    [Fact]
    public void Build_EachRowListsDistinctTermsRarestFirst()
    {
        var sut = TermMatrix.Build(Ids, Ends, vocabularySize: 3);

        Assert.Equal([0, 2], sut.TermsOf(0).ToArray());
        Assert.Equal([1, 2], sut.TermsOf(1).ToArray());
        Assert.Equal([1, 2], sut.TermsOf(2).ToArray());
    }

    [Fact]
    public void Build_TokenCountIncludesRepeats()
    {
        var sut = TermMatrix.Build(Ids, Ends, vocabularySize: 3);

        Assert.Equal(3, sut.TokenCount(1));
        Assert.Equal(2, sut.TermsOf(1).Length);
    }

    [Fact]
    public void Build_EqualFrequencies_KeepVocabularyOrder()
    {
        var sut = TermMatrix.Build([2, 1, 0], [3], vocabularySize: 3);

        Assert.Equal(0, sut.IdOf(0));
        Assert.Equal(1, sut.IdOf(1));
        Assert.Equal(2, sut.IdOf(2));
    }

    [Fact]
    public void Weigh_RowsHaveUnitLengthAndRepeatsWeighSublinearly()
    {
        var sut = TermMatrix.Build(Ids, Ends, vocabularySize: 3);

        sut.Weigh([1, 1, 1]);

        for (var row = 0; row < sut.Rows; row++)
        {
            var weights = sut.WeightsOf(row).ToArray();
            Assert.Equal(1.0, Math.Sqrt(weights.Sum(w => w * w)), 12);
        }

        // Sentence 1 has term 0 twice (matrix id 2) and term 2 once (matrix id 1): (1 + ln 2) against 1.
        var second = sut.WeightsOf(1);
        Assert.Equal(1 + Math.Log(2), second[1] / second[0], 12);
    }

    [Fact]
    public void Cosines_QueryAlongARow_IsOneForThatRowOnly()
    {
        var sut = TermMatrix.Build(Ids, Ends, vocabularySize: 3);
        sut.Weigh([1, 1, 1]);
        var query = new double[sut.Terms];
        var terms = sut.TermsOf(1);
        var weights = sut.WeightsOf(1);
        for (var k = 0; k < terms.Length; k++)
        {
            query[terms[k]] = 3 * weights[k]; // Any length: cosines are scaled by the query's norm.
        }

        var cosines = sut.Cosines(query);

        Assert.Equal(1.0, cosines[1], 12);
        Assert.InRange(cosines[0], 0.0, 0.99);
        Assert.InRange(cosines[2], 0.0, 0.99);
    }

    [Fact]
    public void Cosines_ZeroQuery_AllZero()
    {
        var sut = TermMatrix.Build(Ids, Ends, vocabularySize: 3);
        sut.Weigh([1, 1, 1]);

        Assert.All(sut.Cosines(new double[sut.Terms]), c => Assert.Equal(0, c));
    }
}
