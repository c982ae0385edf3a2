namespace NewsSummarizer.Evaluation;

/// <summary>Precision, recall and F1 of one ROUGE measure, each in [0, 1].</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore From(double hits, int candidateCount, int referenceCount)
    {
        var precision = candidateCount == 0 ? 0 : hits / candidateCount;
        var recall = referenceCount == 0 ? 0 : hits / referenceCount;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new RougeScore(precision, recall, f1);
    }

    /// <summary>The mean of each component (how ROUGE-1.5.5 averages over references and documents).</summary>
    public static RougeScore Mean(IReadOnlyCollection<RougeScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return default;
        }

        return new RougeScore(
            scores.Average(s => s.Precision), scores.Average(s => s.Recall), scores.Average(s => s.F1));
    }
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L (summary-level LCS) of one candidate, or a mean of several.</summary>
public sealed record RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL)
{
    public static RougeScores Mean(IReadOnlyCollection<RougeScores> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return new RougeScores(
            RougeScore.Mean(scores.Select(s => s.Rouge1).ToList()),
            RougeScore.Mean(scores.Select(s => s.Rouge2).ToList()),
            RougeScore.Mean(scores.Select(s => s.RougeL).ToList()));
    }
}
