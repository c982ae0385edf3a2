using NewsSummarizer.Evaluation;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary>The shapes <c>newsum eval</c> writes to its JSON file: F1, precision and recall ×100, mean words.</summary>
internal static class EvalJson
{
    /// <summary>The figures as written to the JSON file: F1, precision and recall ×100, mean words.</summary>
    public static object ToJson(string dataset, EvaluationReport report) => new
    {
        dataset,
        report.Language,
        report.Ratio,
        report.Documents,
        systems = Systems(report),
    };

    /// <summary>The figures with a table per category (BBC News Summary), as written to the JSON file.</summary>
    public static object ToJson(string dataset, EvaluationReport report, IReadOnlyList<(string Category, EvaluationReport Report)> categories) => new
    {
        dataset,
        report.Language,
        report.Ratio,
        report.Documents,
        systems = Systems(report),
        categories = categories.Select(c => new { category = c.Category, c.Report.Documents, systems = Systems(c.Report) }),
    };

    /// <summary>The cross-validation figures as written to the JSON file.</summary>
    public static object ToJson(string dataset, CrossValidationReport report) => new
    {
        dataset,
        folds = report.FoldCount,
        report.Ratio,
        report.Candidates,
        heldOut = report.Folds.Select(f => new
        {
            f.Fold,
            f.Documents,
            f.Chosen,
            summary = Row(f.Summary),
            lengthMatchedLead = Row(f.Lead),
        }),
        mean = new { summary = Row(report.Summary), lengthMatchedLead = Row(report.Lead) },
        rouge1Margin = Math.Round(report.Rouge1Margin, 2),
        rouge2Margin = Math.Round(report.Rouge2Margin, 2),
        repeats = report.Partitions.Count,
        repeatedRouge1Margin = Math.Round(report.RepeatedRouge1Margin, 2),
        repeatedRouge2Margin = Math.Round(report.RepeatedRouge2Margin, 2),
        partitions = report.Partitions.Select(p => new
        {
            p.Repeat,
            rouge1Margin = Math.Round(p.Rouge1Margin, 2),
            rouge2Margin = Math.Round(p.Rouge2Margin, 2),
            p.Chosen,
        }),
    };

    private static IEnumerable<object> Systems(EvaluationReport report) => report.Systems.Select(s => new
    {
        s.System,
        rouge1 = Percent(s.Rouge.Rouge1),
        rouge2 = Percent(s.Rouge.Rouge2),
        rougeL = Percent(s.Rouge.RougeL),
        meanWords = Math.Round(s.MeanWords, 1),
    });

    private static object Row(SystemScores s) => new
    {
        rouge1 = Percent(s.Rouge.Rouge1),
        rouge2 = Percent(s.Rouge.Rouge2),
        rougeL = Percent(s.Rouge.RougeL),
        meanWords = Math.Round(s.MeanWords, 1),
    };

    private static object Percent(RougeScore score) => new
    {
        f1 = Math.Round(score.F1 * 100, 2),
        precision = Math.Round(score.Precision * 100, 2),
        recall = Math.Round(score.Recall * 100, 2),
    };
}
