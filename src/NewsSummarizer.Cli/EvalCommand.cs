using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Articles;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary><c>newsum eval --dataset DIR [--format easc|bbc] [--ratio R] [--json-out FILE] [--cv K [--repeat N]]</c>:
/// ROUGE-1/2/L of the configured summariser beside the lead cut to each summary's word count, Lead-1, Lead-3 and
/// Lead-ratio, as a table and as JSON, on an EASC-layout (Arabic) folder or a BBC News Summary folder (English, scored
/// with ROUGE-1.5.5's stemming and WordNet exceptions, and per category as well).</summary>
/// <remarks>The layout is detected unless <c>--format</c> names it. With <c>--cv K</c> (EASC only: tuning stays on the
/// dev data): k-fold cross-validation of the offline summariser's tuning against the length-matched lead (fixed folds),
/// per held-out fold and their mean; <c>--repeat N</c> adds N - 1 seeded shuffles of the folds and reports the margin
/// averaged over all N dealings.</remarks>
internal static class EvalCommand
{
    public const string DefaultJsonFile = "eval-results.json";

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "An EASC-layout folder (Articles/TopicN, MTurk/TopicN), e.g. ../shared/data/easc-dev, or a BBC News Summary folder ('News Articles/<category>', 'Summaries/<category>').", Required = true };
        var format = new Option<string?>("--format") { Description = "The folder's layout: " + EvaluationDatasets.FormatNames + " (detected when omitted)." };
        var ratio = new Option<double>("--ratio") { Description = "Summary length as a share of each article's sentences.", DefaultValueFactory = _ => 0.33 };
        var jsonOut = new Option<string>("--json-out") { Description = "Where to write the figures as JSON.", DefaultValueFactory = _ => DefaultJsonFile };
        var cv = new Option<int?>("--cv") { Description = "Cross-validate the offline summariser's tuning with this many folds (tune on k-1, score the held-out one)." };
        var repeat = new Option<int>("--repeat") { Description = "With --cv: deal the folds this many times (the fixed dealing, then seeded shuffles) and average the held-out margins.", DefaultValueFactory = _ => 1 };
        var command = new Command("eval", "Score the summariser and lead baselines with ROUGE against human summaries.") { dataset, format, ratio, jsonOut, cv, repeat };
        command.SetAction((parse, cancellationToken) => parse.GetValue(cv) is { } folds
            ? RunCrossValidationAsync(parse.GetRequiredValue(dataset), parse.GetValue(format), parse.GetValue(ratio), folds, parse.GetValue(repeat), parse.GetRequiredValue(jsonOut), cancellationToken)
            : RunAsync(parse.GetRequiredValue(dataset), parse.GetValue(format), parse.GetValue(ratio), parse.GetRequiredValue(jsonOut), cancellationToken));
        return command;
    }

    /// <summary>The data set, or <c>null</c> after saying on stderr why the ratio, the format or the folder is unusable.</summary>
    private static async Task<EvaluationSet?> LoadAsync(string dataset, string? format, double ratio)
    {
        if (SummarizePlan.Length(ratio, null, out var error) is null)
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return null;
        }

        DatasetFormat? layout = null;
        if (format is not null)
        {
            if (!EvaluationDatasets.TryParseFormat(format, out var parsed))
            {
                await Console.Error.WriteLineAsync($"--format '{format}' is not one of {EvaluationDatasets.FormatNames}.").ConfigureAwait(false);
                return null;
            }

            layout = parsed;
        }

        try
        {
            return EvaluationDatasets.Load(dataset, layout);
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<int> RunCrossValidationAsync(string dataset, string? format, double ratio, int folds, int repeats, string jsonOut, CancellationToken cancellationToken)
    {
        var set = await LoadAsync(dataset, format, ratio).ConfigureAwait(false);
        if (set is null)
        {
            return 2;
        }

        if (set.Format != DatasetFormat.Easc)
        {
            // Cross-validation tunes the summariser; tuning happens on the dev data (../shared/data) only.
            await Console.Error.WriteLineAsync("--cv runs on the EASC dev data only: other sets are for checking, never for tuning.").ConfigureAwait(false);
            return 2;
        }

        var documents = set.Documents;

        if (folds < 2 || folds > documents.Count)
        {
            await Console.Error.WriteLineAsync($"--cv needs between 2 and {documents.Count} folds.").ConfigureAwait(false);
            return 2;
        }

        if (repeats < 1)
        {
            await Console.Error.WriteLineAsync("--repeat needs at least 1 dealing.").ConfigureAwait(false);
            return 2;
        }

        var report = CrossValidation.Run(documents, ArticleLanguage.Arabic, ratio, folds, ExtractiveTuning.Candidates(), cancellationToken, repeats);

        var table = new Table().Title($"{Markup.Escape(dataset)}: {folds}-fold cross-validation over {report.Candidates} settings, ratio {ratio.ToString(CultureInfo.InvariantCulture)}, held-out F1 ×100 (ours / length-matched lead)");
        table.AddColumns(["fold", .. ComparisonColumns]);
        foreach (var f in report.Folds)
        {
            table.AddRow(ComparisonRow(f.Fold.ToString(CultureInfo.InvariantCulture), f.Documents, f.Summary, f.Lead));
        }

        table.AddRow(ComparisonRow("mean", documents.Count, report.Summary, report.Lead));
        AnsiConsole.Write(table);
        foreach (var f in report.Folds)
        {
            Console.WriteLine($"fold {f.Fold}: chosen on the other folds: {f.Chosen}");
        }

        if (repeats > 1)
        {
            var margins = report.Partitions.Select(p => p.Rouge1Margin).Order().ToList();
            var otherChoices = report.Partitions.SelectMany(p => p.Chosen).Count(c => c != report.Folds[0].Chosen);
            Console.WriteLine(
                $"{repeats} dealings (the fixed one above, then {repeats - 1} seeded shuffles): held-out ΔR-1 mean {F(report.RepeatedRouge1Margin)} "
                + $"(lowest {F(margins[0])}, highest {F(margins[^1])}), ΔR-2 mean {F(report.RepeatedRouge2Margin)} "
                + $"(lowest {F(report.Partitions.Min(p => p.Rouge2Margin))}); {otherChoices} of {repeats * folds} folds chose another setting than fold 0 above");
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(EvalJson.ToJson(dataset, report), CliJson.Options);
        await File.WriteAllBytesAsync(jsonOut, json, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"wrote {Path.GetFullPath(jsonOut)}");
        return 0;
    }

    private static async Task<int> RunAsync(string dataset, string? format, double ratio, string jsonOut, CancellationToken cancellationToken)
    {
        var set = await LoadAsync(dataset, format, ratio).ConfigureAwait(false);
        if (set is null)
        {
            return 2;
        }

        using var services = CliHost.Create();
        CliHost.ValidateOptions(services);
        var summarizer = services.GetRequiredService<ISummarizer>();

        // EASC is Arabic: both sides are normalised with ArabicNormalizer and scored without stemming. English is
        // scored as ROUGE-1.5.5 -m: Porter stemming after WordNet's exception lists (as the XSum calibration).
        var english = set.Language == ArticleLanguage.English;
        var exceptions = english ? WordNetExceptions.Load(WordNetExceptions.DebianDirectory) : null;
        if (english && exceptions is null)
        {
            await Console.Error.WriteLineAsync($"note: WordNet exception lists not found in {WordNetExceptions.DebianDirectory} (apt-get install wordnet-base); "
                + "irregular forms are stemmed by Porter alone, a few tenths of a point off ROUGE-1.5.5.").ConfigureAwait(false);
        }

        var evaluator = new SummaryEvaluator(summarizer, exceptions);
        var report = await evaluator.EvaluateAsync(set.Documents, set.Language, ratio, cancellationToken).ConfigureAwait(false);
        var scoring = english ? (exceptions is null ? ", stemmed" : ", stemmed with WordNet exceptions") : string.Empty;
        AnsiConsole.Write(SystemsTable($"{Markup.Escape(dataset)}: {report.Documents} articles ({set.Format.ToString().ToLowerInvariant()}, {WireNames.Of(set.Language)}{scoring}), ratio {ratio.ToString(CultureInfo.InvariantCulture)}, F1 ×100", report));

        // Per category (the first folder of each id) when the set has more than one.
        var categories = new List<(string Category, EvaluationReport Report)>();
        var groups = set.Documents.GroupBy(d => SummaryPairDataset.CategoryOf(d.Id)).ToList();
        if (groups.Count > 1 && groups.All(g => g.Key is not null))
        {
            foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                categories.Add((group.Key!, await evaluator.EvaluateAsync(group.ToList(), set.Language, ratio, cancellationToken).ConfigureAwait(false)));
            }

            AnsiConsole.Write(CategoryTable(summarizer.Provider.Name, report, categories));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(categories.Count == 0 ? EvalJson.ToJson(dataset, report) : EvalJson.ToJson(dataset, report, categories), CliJson.Options);
        await File.WriteAllBytesAsync(jsonOut, json, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"wrote {Path.GetFullPath(jsonOut)}");
        return 0;
    }

    private static Table SystemsTable(string title, EvaluationReport report)
    {
        var table = new Table().Title(title);
        table.AddColumns("system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "mean words");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var s in report.Systems)
        {
            table.AddRow(Markup.Escape(s.System), F(s.Rouge.Rouge1.F1 * 100), F(s.Rouge.Rouge2.F1 * 100), F(s.Rouge.RougeL.F1 * 100), s.MeanWords.ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }

    // Ours against the length-matched lead, per category and for the whole set.
    private static Table CategoryTable(string system, EvaluationReport all, IReadOnlyList<(string Category, EvaluationReport Report)> categories)
    {
        var table = new Table().Title($"{Markup.Escape(system)} / {SummaryEvaluator.LengthMatchedLeadName} per category, F1 ×100");
        table.AddColumns(["category", .. ComparisonColumns]);
        foreach (var (category, report) in categories.Append(("all", all)))
        {
            table.AddRow(ComparisonRow(Markup.Escape(category), report.Documents, report[system], report[SummaryEvaluator.LengthMatchedLeadName]));
        }

        return table;
    }

    // The columns of ComparisonRow after its label.
    private static readonly string[] ComparisonColumns = ["docs", "R-1", "R-2", "R-L", "words", "ΔR-1", "ΔR-2"];

    // One row of ours against the length-matched lead: F1 side by side, our mean words, and the margins.
    private static string[] ComparisonRow(string label, int documents, SystemScores ours, SystemScores lead) =>
    [
        label,
        documents.ToString(CultureInfo.InvariantCulture),
        Pair(ours.Rouge.Rouge1, lead.Rouge.Rouge1),
        Pair(ours.Rouge.Rouge2, lead.Rouge.Rouge2),
        Pair(ours.Rouge.RougeL, lead.Rouge.RougeL),
        ours.MeanWords.ToString("F1", CultureInfo.InvariantCulture),
        F((ours.Rouge.Rouge1.F1 - lead.Rouge.Rouge1.F1) * 100),
        F((ours.Rouge.Rouge2.F1 - lead.Rouge.Rouge2.F1) * 100),
    ];

    private static string Pair(RougeScore ours, RougeScore lead) => F(ours.F1 * 100) + " / " + F(lead.F1 * 100);

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
