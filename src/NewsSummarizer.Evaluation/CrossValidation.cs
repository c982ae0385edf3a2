using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;

namespace NewsSummarizer.Evaluation;

/// <summary>A named setting of the extractive summariser that cross-validation may choose.</summary>
public sealed record TuningCandidate(string Name, ExtractiveOptions Options);

/// <summary>One held-out fold: the setting chosen on the other folds and its scores on this one.</summary>
public sealed record FoldResult(int Fold, int Documents, string Chosen, SystemScores Summary, SystemScores Lead);

/// <summary>k-fold cross-validation of the extractive summariser against the length-matched lead.</summary>
/// <param name="Summary">Mean over the held-out folds of the summariser's scores.</param>
/// <param name="Lead">Mean over the held-out folds of the lead cut to the summaries' lengths.</param>
public sealed record CrossValidationReport(
    int FoldCount, double Ratio, int Candidates, IReadOnlyList<FoldResult> Folds, SystemScores Summary, SystemScores Lead)
{
    /// <summary>Held-out ROUGE-1 F1 of the summariser minus the length-matched lead's, ×100.</summary>
    public double Rouge1Margin => (Summary.Rouge.Rouge1.F1 - Lead.Rouge.Rouge1.F1) * 100;

    /// <summary>Held-out ROUGE-2 F1 of the summariser minus the length-matched lead's, ×100.</summary>
    public double Rouge2Margin => (Summary.Rouge.Rouge2.F1 - Lead.Rouge.Rouge2.F1) * 100;
}

/// <summary>Estimates how the extractive summariser's tuning does on articles it was not tuned on: documents are
/// dealt to k folds in dataset order (document i to fold i mod k, so the assignment is fixed); for each fold the
/// candidate with the best margin over the length-matched lead on the other k-1 folds is chosen, and scored on the
/// held-out fold. The figure to quote is the mean over held-out folds; the shipped defaults are the candidate chosen
/// on all documents.</summary>
public static class CrossValidation
{
    /// <summary>The fold of the <paramref name="index"/>-th document.</summary>
    public static int FoldOf(int index, int folds) => index % folds;

    public static CrossValidationReport Run(
        IReadOnlyList<EvaluationDocument> documents,
        ArticleLanguage language,
        double ratio,
        int folds,
        IReadOnlyList<TuningCandidate> candidates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, documents.Count);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("At least one candidate is needed.", nameof(candidates));
        }

        // Every candidate scored once on every document; folds only choose among these.
        var scores = Score(documents, language, ratio, candidates, cancellationToken);
        var results = new List<FoldResult>(folds);
        for (var fold = 0; fold < folds; fold++)
        {
            var f = fold;
            var chosen = Best(scores, i => FoldOf(i, folds) != f);
            var held = scores[chosen].Where((_, i) => FoldOf(i, folds) == f).ToList();
            results.Add(new FoldResult(fold, held.Count, candidates[chosen].Name, Mean("summary", held, d => d.Summary), Mean("lead", held, d => d.LengthMatchedLead)));
        }

        return new CrossValidationReport(
            folds,
            ratio,
            candidates.Count,
            results,
            MeanOfFolds("summary", results.Select(r => r.Summary).ToList()),
            MeanOfFolds(SummaryEvaluator.LengthMatchedLeadName, results.Select(r => r.Lead).ToList()));
    }

    /// <summary>Each candidate's per-document scores. Candidates that build the same graph share one analysis of
    /// each article, and a summary (or lead length) met before is not scored again.</summary>
    public static IReadOnlyList<DocumentScores>[] Score(
        IReadOnlyList<EvaluationDocument> documents,
        ArticleLanguage language,
        double ratio,
        IReadOnlyList<TuningCandidate> candidates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(candidates);
        var rouge = SummaryEvaluator.CreateRouge(language);
        var length = new SummaryLength(Ratio: ratio);
        var leadSentences = documents.Select(d => SentenceSplitter.Split(d.Text).Select(s => s.Text).ToList()).ToList();
        var summaryCache = documents.Select(_ => new Dictionary<string, (RougeScores Rouge, int Words)>(StringComparer.Ordinal)).ToList();
        var leadCache = documents.Select(_ => new Dictionary<int, RougeScores>()).ToList();
        var scores = new IReadOnlyList<DocumentScores>[candidates.Count];
        foreach (var group in Enumerable.Range(0, candidates.Count).GroupBy(c => GraphOptions(candidates[c].Options)))
        {
            var preparer = new ExtractiveSummarizer(group.Key);
            var prepared = documents.Select(d => preparer.Prepare(new Article(d.Text, null, language))).ToList();
            foreach (var c in group)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var summarizer = new ExtractiveSummarizer(candidates[c].Options);
                var results = new List<DocumentScores>(documents.Count);
                for (var d = 0; d < documents.Count; d++)
                {
                    var picked = summarizer.SelectSentences(prepared[d], length);
                    var key = string.Join(',', picked);
                    if (!summaryCache[d].TryGetValue(key, out var summary))
                    {
                        var text = string.Join(' ', picked.Select(i => prepared[d].Sentences[i].Text));
                        summary = (rouge.Score(text, documents[d].References), Words.Count(text));
                        summaryCache[d][key] = summary;
                    }

                    if (!leadCache[d].TryGetValue(summary.Words, out var lead))
                    {
                        lead = rouge.Score(LengthMatchedLead.Cut(leadSentences[d], summary.Words), documents[d].References);
                        leadCache[d][summary.Words] = lead;
                    }

                    results.Add(new DocumentScores(documents[d].Id, summary.Rouge, lead, summary.Words));
                }

                scores[c] = results;
            }
        }

        return scores;
    }

    /// <summary>The candidate with the highest mean ROUGE-1 margin over the length-matched lead among those whose
    /// ROUGE-2 margin is not negative (if none is, the highest ROUGE-1 + ROUGE-2 margin); ties to the earlier one.</summary>
    public static int Best(IReadOnlyList<IReadOnlyList<DocumentScores>> scores, Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(include);
        var best = 0;
        (bool Valid, double Value) bestKey = (false, double.NegativeInfinity);
        for (var c = 0; c < scores.Count; c++)
        {
            double r1 = 0, r2 = 0;
            var n = 0;
            for (var i = 0; i < scores[c].Count; i++)
            {
                if (include(i))
                {
                    r1 += scores[c][i].Summary.Rouge1.F1 - scores[c][i].LengthMatchedLead.Rouge1.F1;
                    r2 += scores[c][i].Summary.Rouge2.F1 - scores[c][i].LengthMatchedLead.Rouge2.F1;
                    n++;
                }
            }

            var valid = r2 >= 0;
            var key = (valid, (valid ? r1 : r1 + r2) / Math.Max(1, n));
            if ((key.valid && !bestKey.Valid) || (key.valid == bestKey.Valid && key.Item2 > bestKey.Value))
            {
                (best, bestKey) = (c, key);
            }
        }

        return best;
    }

    // The options that shape the graph; the rest are weights applied to it.
    private static ExtractiveOptions GraphOptions(ExtractiveOptions o) => ExtractiveOptions.Default with
    {
        Damping = o.Damping,
        EdgeThreshold = o.EdgeThreshold,
        MaxNeighbours = o.MaxNeighbours,
        MaxCandidates = o.MaxCandidates,
        DuplicateSimilarity = o.DuplicateSimilarity,
        TitleMaxWords = o.TitleMaxWords,
    };

    private static SystemScores Mean(string system, List<DocumentScores> documents, Func<DocumentScores, RougeScores> pick) =>
        new(system, RougeScores.Mean(documents.Select(pick).ToList()), documents.Count == 0 ? 0 : documents.Average(d => d.Words));

    private static SystemScores MeanOfFolds(string system, List<SystemScores> folds) =>
        new(system, RougeScores.Mean(folds.Select(f => f.Rouge).ToList()), folds.Average(f => f.MeanWords));
}
