using NewsSummarizer.Articles;
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
    public void Partition_RepeatZero_IsTheFixedDealing()
    {
        Assert.Equal(Enumerable.Range(0, 70).Select(i => CrossValidation.FoldOf(i, 5)), CrossValidation.Partition(70, 5, 0));
    }

    [Theory]
    [InlineData(70, 5)]
    [InlineData(70, 10)]
    [InlineData(13, 4)]
    public void Partition_Shuffled_DealsEveryDocumentOnceInFoldsEvenToOne(int documents, int folds)
    {
        for (var repeat = 1; repeat <= 5; repeat++)
        {
            var fold = CrossValidation.Partition(documents, folds, repeat);

            Assert.Equal(documents, fold.Length);
            var sizes = Enumerable.Range(0, folds).Select(f => fold.Count(x => x == f)).ToList();
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"fold sizes {string.Join(',', sizes)}");
            Assert.Equal(fold, CrossValidation.Partition(documents, folds, repeat));
            Assert.NotEqual(CrossValidation.Partition(documents, folds, 0), fold);
            Assert.NotEqual(CrossValidation.Partition(documents, folds, repeat + 1), fold);
        }
    }

    [Fact]
    public void Run_Repeats_FirstDealingIsTheFixedFoldsAndTheMeanCoversAll()
    {
        var documents = Enumerable.Range(0, 6).Select(Generated).ToList();
        var candidates = ExtractiveTuning.Candidates();

        var once = CrossValidation.Run(documents, ArticleLanguage.English, 0.33, 3, candidates, CancellationToken.None);
        var repeated = CrossValidation.Run(documents, ArticleLanguage.English, 0.33, 3, candidates, CancellationToken.None, repeats: 4);

        Assert.Equal(once.Rouge1Margin, repeated.Rouge1Margin);
        Assert.Equal(once.Folds.Select(f => f.Chosen), repeated.Folds.Select(f => f.Chosen));
        Assert.Equal([0, 1, 2, 3], repeated.Partitions.Select(p => p.Repeat));
        Assert.Equal(once.Rouge1Margin, repeated.Partitions[0].Rouge1Margin, 10);
        Assert.Equal(repeated.Partitions.Average(p => p.Rouge1Margin), repeated.RepeatedRouge1Margin, 10);
        Assert.All(repeated.Partitions, p => Assert.Equal(3, p.Chosen.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CrossValidation.Run(documents, ArticleLanguage.English, 0.33, 3, candidates, CancellationToken.None, repeats: 0));
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

    [Fact]
    public void Run_SameDocumentsTwice_SameFoldsChoicesAndScores()
    {
        var documents = Enumerable.Range(0, 6).Select(Generated).ToList();
        var candidates = ExtractiveTuning.Candidates();

        var first = CrossValidation.Run(documents, ArticleLanguage.English, 0.33, 3, candidates, CancellationToken.None);
        var second = CrossValidation.Run(documents, ArticleLanguage.English, 0.33, 3, candidates, CancellationToken.None);

        Assert.Equal([2, 2, 2], first.Folds.Select(f => f.Documents));
        Assert.Equal(first.Folds.Select(f => f.Chosen), second.Folds.Select(f => f.Chosen));
        Assert.Equal(first.Rouge1Margin, second.Rouge1Margin);
        Assert.Equal(first.Summary.MeanWords, second.Summary.MeanWords);
    }

    [Fact]
    public void Run_OneFold_Throws()
    {
        var documents = Enumerable.Range(0, 3).Select(Generated).ToList();

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CrossValidation.Run(documents, ArticleLanguage.English, 0.33, 1, ExtractiveTuning.Candidates(), CancellationToken.None));
    }

    private static EvaluationDocument Generated(int seed)
    {
        string[] sentences =
        [
            $"Officials in district {seed} opened a new bridge over the river on Tuesday after three years of work.",
            $"The bridge carries {100 + seed} buses a day and a cycle lane on each side.",
            "Traffic on the old crossing fell by a third in the first hours, the transport office said.",
            "Shop owners near the old crossing said they feared losing customers.",
            "The city plans to close the old crossing for repairs next spring.",
            $"The project cost {20 + seed} million, less than the council had budgeted.",
        ];
        return new EvaluationDocument(
            "d" + seed, string.Join('\n', sentences), [sentences[0] + "\n" + sentences[5], sentences[0] + "\n" + sentences[2]]);
    }

    private static DocumentScores Doc(double r1, double r2, double leadR1, double leadR2) =>
        new("d", Scores(r1, r2), Scores(leadR1, leadR2), 100);

    private static RougeScores Scores(double r1, double r2) =>
        new(new RougeScore(r1, r1, r1), new RougeScore(r2, r2, r2), new RougeScore(r1, r1, r1));
}
