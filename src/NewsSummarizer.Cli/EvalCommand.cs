using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Articles;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary><c>newsum eval --dataset DIR [--ratio R] [--json-out FILE]</c>: ROUGE-1/2/L of the configured summariser
/// and the Lead-1, Lead-3 and Lead-ratio baselines on an EASC-layout (Arabic) folder, as a table and as JSON.</summary>
internal static class EvalCommand
{
    public const string DefaultJsonFile = "eval-results.json";

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "An EASC-layout folder (Articles/TopicN, MTurk/TopicN), e.g. ../shared/data/easc-dev.", Required = true };
        var ratio = new Option<double>("--ratio") { Description = "Summary length as a share of each article's sentences.", DefaultValueFactory = _ => 0.33 };
        var jsonOut = new Option<string>("--json-out") { Description = "Where to write the figures as JSON.", DefaultValueFactory = _ => DefaultJsonFile };
        var command = new Command("eval", "Score the summariser and lead baselines with ROUGE against human summaries.") { dataset, ratio, jsonOut };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(dataset), parse.GetValue(ratio), parse.GetRequiredValue(jsonOut), cancellationToken));
        return command;
    }

    /// <summary>The figures as written to the JSON file: F1, precision and recall ×100, mean words.</summary>
    public static object ToJson(string dataset, EvaluationReport report) => new
    {
        dataset,
        report.Language,
        report.Ratio,
        report.Documents,
        systems = report.Systems.Select(s => new
        {
            s.System,
            rouge1 = Percent(s.Rouge.Rouge1),
            rouge2 = Percent(s.Rouge.Rouge2),
            rougeL = Percent(s.Rouge.RougeL),
            meanWords = Math.Round(s.MeanWords, 1),
        }),
    };

    private static async Task<int> RunAsync(string dataset, double ratio, string jsonOut, CancellationToken cancellationToken)
    {
        if (SummarizePlan.Length(ratio, null, out var error) is null)
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 2;
        }

        IReadOnlyList<EvaluationDocument> documents;
        try
        {
            documents = EascDataset.Load(dataset);
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        using var services = CliHost.Create();
        CliHost.ValidateOptions(services);
        var summarizer = services.GetRequiredService<ISummarizer>();

        // EASC is Arabic: both sides are normalised with ArabicNormalizer and scored without stemming.
        var report = await new SummaryEvaluator(summarizer)
            .EvaluateAsync(documents, ArticleLanguage.Arabic, ratio, cancellationToken).ConfigureAwait(false);

        var table = new Table().Title($"{Markup.Escape(dataset)}: {report.Documents} articles, ratio {ratio.ToString(CultureInfo.InvariantCulture)}, F1 ×100");
        table.AddColumns("system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "mean words");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var s in report.Systems)
        {
            table.AddRow(Markup.Escape(s.System), F(s.Rouge.Rouge1.F1 * 100), F(s.Rouge.Rouge2.F1 * 100), F(s.Rouge.RougeL.F1 * 100), s.MeanWords.ToString("F1", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        var json = JsonSerializer.SerializeToUtf8Bytes(ToJson(dataset, report), CliJson.Options);
        await File.WriteAllBytesAsync(jsonOut, json, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"wrote {Path.GetFullPath(jsonOut)}");
        return 0;
    }

    private static object Percent(RougeScore score) => new
    {
        f1 = Math.Round(score.F1 * 100, 2),
        precision = Math.Round(score.Precision * 100, 2),
        recall = Math.Round(score.Recall * 100, 2),
    };

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
