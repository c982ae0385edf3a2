using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsSummarizer.Articles;
using NewsSummarizer.Evaluation;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary><c>newsum rouge --candidates F --references F [--lang ar|en] [--stem] [--json]</c>: mean ROUGE-1/2/L of
/// line-aligned files (line i of the candidates is scored against line i of the references), ROUGE-1.5.5 style.</summary>
internal static class RougeCommand
{
    public static Command Create()
    {
        var candidates = new Option<FileInfo>("--candidates") { Description = "System summaries, one per line.", Required = true };
        var references = new Option<FileInfo>("--references") { Description = "Reference summaries, one per line, aligned with the candidates.", Required = true };
        var language = new Option<string>("--lang") { Description = "ar: Arabic normalisation (hamza, alef maqsura, ta marbuta, diacritics); en: as ROUGE-1.5.5.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("ar", "en");
        var stem = new Option<bool>("--stem") { Description = "Porter stemming (ROUGE-1.5.5 -m), with WordNet's exception lists when installed (English only)." };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var command = new Command("rouge", "Score line-aligned candidate and reference files with ROUGE-1/2/L.") { candidates, references, language, stem, json };
        command.SetAction((parse, _) => Task.FromResult(Run(
            parse.GetRequiredValue(candidates), parse.GetRequiredValue(references), parse.GetRequiredValue(language), parse.GetValue(stem), parse.GetValue(json))));
        return command;
    }

    /// <summary>Mean scores of aligned lines.</summary>
    /// <exception cref="InvalidDataException">The files have different numbers of lines.</exception>
    public static RougeScores Score(IReadOnlyList<string> candidates, IReadOnlyList<string> references, Rouge rouge)
    {
        ArgumentNullException.ThrowIfNull(rouge);
        if (candidates.Count != references.Count)
        {
            throw new InvalidDataException(
                $"The files are not aligned: {candidates.Count} candidate line(s) against {references.Count} reference line(s).");
        }

        return RougeScores.Mean(candidates.Select((candidate, i) => rouge.Score(candidate, references[i])).ToList());
    }

    private static int Run(FileInfo candidatesFile, FileInfo referencesFile, string language, bool stem, bool json)
    {
        var arabic = WireNames.TryParse<ArticleLanguage>(language, ignoreCase: false, out var parsed) && parsed == ArticleLanguage.Arabic;
        var exceptions = stem && !arabic ? WordNetExceptions.Load(WordNetExceptions.DebianDirectory) : null;
        if (stem && !arabic && exceptions is null)
        {
            Console.Error.WriteLine($"note: WordNet exception lists not found in {WordNetExceptions.DebianDirectory} (apt-get install wordnet-base); "
                + "irregular forms are stemmed by Porter alone, a few tenths of a point off ROUGE-1.5.5.");
        }

        RougeScores scores;
        try
        {
            scores = Score(ReadLines(candidatesFile), ReadLines(referencesFile), new Rouge(stem && !arabic, arabic, exceptions));
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(scores, CliJson.Options));
            return 0;
        }

        var table = new Table().AddColumns("measure", "precision", "recall", "F1");
        foreach (var (name, score) in new[] { ("ROUGE-1", scores.Rouge1), ("ROUGE-2", scores.Rouge2), ("ROUGE-L", scores.RougeL) })
        {
            table.AddRow(name, P(score.Precision), P(score.Recall), P(score.F1));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static string[] ReadLines(FileInfo file) => File.ReadAllLines(file.FullName);

    private static string P(double value) => (value * 100).ToString("F2", CultureInfo.InvariantCulture);
}
