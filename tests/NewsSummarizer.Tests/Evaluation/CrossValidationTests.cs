using NewsSummarizer.Evaluation;

namespace NewsSummarizer.Tests.Evaluation;

public sealed class CrossValidationTests
{
    [Fact]
    public void FoldOf_DocumentsInOrder_DealtRoundRobin()
    {
        Assert.Equal([0, 1, 2, 0, 1, 2, 0], Enumerable.Range(0, 7).Select(i => CrossValidation.FoldOf(i, 3)));
    }

    [Fact]
    public void Best_HigherRouge1ButNegativeRouge2_LosesToNonNegativeRouge2()
    {
        // Candidate 0: +0.05 R-1, -0.01 R-2; candidate 1: +0.02 R-1, +0.00 R-2.
        IReadOnlyList<DocumentScores>[] scores = [[Doc(0.55, 0.39, 0.50, 0.40)], [Doc(0.52, 0.40, 0.50, 0.40)]];

        Assert.Equal(1, CrossValidation.Best(scores, _ => true));
    }

    [Fact]
    public void Best_OnlyIncludedDocuments_Count()
    {
        // Candidate 0 wins on document 0, candidate 1 on document 1.
        IReadOnlyList<DocumentScores>[] scores =
        [
            [Doc(0.60, 0.50, 0.50, 0.40), Doc(0.40, 0.40, 0.50, 0.40)],
            [Doc(0.40, 0.40, 0.50, 0.40), Doc(0.60, 0.50, 0.50, 0.40)],
        ];

        Assert.Equal(0, CrossValidation.Best(scores, i => i == 0));
        Assert.Equal(1, CrossValidation.Best(scores, i => i == 1));
    }

    [Fact]
    public void Best_EqualMargins_TakesTheEarlierCandidate()
    {
        IReadOnlyList<DocumentScores>[] scores = [[Doc(0.5, 0.4, 0.5, 0.4)], [Doc(0.5, 0.4, 0.5, 0.4)]];

        Assert.Equal(0, CrossValidation.Best(scores, _ => true));
    }

    private static DocumentScores Doc(double r1, double r2, double leadR1, double leadR2) =>
        new("d", Scores(r1, r2), Scores(leadR1, leadR2), 100);

    private static RougeScores Scores(double r1, double r2) =>
        new(new RougeScore(r1, r1, r1), new RougeScore(r2, r2, r2), new RougeScore(r1, r1, r1));
}
