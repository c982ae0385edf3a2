using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Tests.Summarization.Extractive;

public sealed class PostingsTests
{
    [Fact]
    public void AccumulateCandidates_SmallArticle_ExactCosineToEverySentenceSharingATerm()
    {
        var matrix = Matrix([[0, 1], [1, 2], [3], [0, 3]]);
        var sut = new Postings(matrix, maxCandidates: 10);
        var row = new SimilarityRow(matrix.Rows);

        sut.AccumulateCandidates(0, row);

        Assert.Equal([1, 3], row.Touched.Order());
        // The inverted index keeps weights as floats.
        Assert.Equal(Cosine(matrix, 0, 1), row.Values[1], 6);
        Assert.Equal(Cosine(matrix, 0, 3), row.Values[3], 6);
        Assert.Equal(0, row.Values[2]);
    }

    [Fact]
    public void AccumulateCandidates_OverTheCap_TakesAtMostTheCapWithExactCosines()
    {
        // Sentence 0 shares the common term 0 with everyone and the rare term 1 with sentence 9 only.
        var sentences = Enumerable.Range(0, 12).Select(i => new[] { 0, 2 + i }).ToArray();
        sentences[0] = [0, 1];
        sentences[9] = [0, 1, 11];
        var matrix = Matrix(sentences);
        var sut = new Postings(matrix, maxCandidates: 4);
        var row = new SimilarityRow(matrix.Rows);

        sut.AccumulateCandidates(0, row);

        Assert.Equal(4, row.Touched.Count);
        Assert.Contains(9, row.Touched);
        Assert.DoesNotContain(0, row.Touched);
        Assert.All(row.Touched, j => Assert.Equal(Cosine(matrix, 0, j), row.Values[j], 12));
    }

    [Fact]
    public void Clear_ResetsTouchedValues()
    {
        var matrix = Matrix([[0], [0], [0]]);
        var row = new SimilarityRow(matrix.Rows);
        new Postings(matrix, maxCandidates: 10).AccumulateCandidates(0, row);

        row.Clear();

        Assert.Empty(row.Touched);
        Assert.All(row.Values, v => Assert.Equal(0, v));
    }

    // Sentences as lists of vocabulary ids, weighed with a flat IDF.
    private static TermMatrix Matrix(int[][] sentences)
    {
        var ids = sentences.SelectMany(s => s).ToArray();
        var ends = new int[sentences.Length];
        for (int i = 0, end = 0; i < sentences.Length; i++)
        {
            end += sentences[i].Length;
            ends[i] = end;
        }

        var matrix = TermMatrix.Build(ids, ends, ids.Max() + 1);
        matrix.Weigh(Enumerable.Repeat(1.0, matrix.Terms).ToArray());
        return matrix;
    }

    private static double Cosine(TermMatrix matrix, int a, int b)
    {
        var dense = new double[matrix.Terms];
        var terms = matrix.TermsOf(a);
        for (var k = 0; k < terms.Length; k++)
        {
            dense[terms[k]] = matrix.WeightsOf(a)[k];
        }

        return matrix.Dot(b, dense);
    }
}
