using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Chat;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary><c>newsum cost &lt;path&gt;...</c>: model calls and input tokens per article against the article's own tokens,
/// measured on the plan <see cref="ChatSummarizer"/> itself sends (<see cref="SummaryPlan"/>), so its call count is the
/// service's. No model is called.</summary>
internal static class CostCommand
{
    public static Command Create()
    {
        var paths = CliArguments.ArticlePaths("Article files or folders (recursively).");
        var command = new Command("cost", "Measure model calls and input tokens per article (no model call is made).") { paths };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(paths), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, CancellationToken cancellationToken)
    {
        using var services = CliHost.Create();
        var reader = services.GetRequiredService<ArticleReader>();
        var tokens = services.GetRequiredService<TokenCounter>();
        var budget = services.GetRequiredService<IOptions<SummarizerOptions>>().Value.MaxInputTokens;
        var costs = new List<PromptCost>();
        var rejected = 0;
        foreach (var (path, name) in ArticleUploader.Expand(paths))
        {
            var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var read = await reader.ReadAsync(content, name, ArticleUploader.ContentTypeOf(path), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (read.IsAccepted)
            {
                costs.Add(PromptCost.Measure(read.Article, tokens, budget));
            }
            else
            {
                rejected++;
            }
        }

        if (costs.Count == 0)
        {
            Console.Error.WriteLine($"No article could be read ({rejected} rejected).");
            return 1;
        }

        var table = new Table().AddColumns("measure", "mean", "min", "max");
        AddRow(table, "model calls per article", costs.Select(c => (double)c.Calls));
        AddRow(table, "article tokens", costs.Select(c => (double)c.ArticleTokens));
        AddRow(table, "input tokens per article", costs.Select(c => (double)c.RequestTokens));
        AddRow(table, "instruction overhead tokens", costs.Select(c => (double)c.OverheadTokens));
        AddRow(table, "copies of the article sent", costs.Select(c => (double)c.ArticleCopies));
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0} articles ({1} rejected, not counted), input budget {2} tokens per call", costs.Count, rejected, budget);
        AnsiConsole.Write(table);
        return 0;
    }

    private static void AddRow(Table table, string measure, IEnumerable<double> values)
    {
        var list = values.ToList();
        table.AddRow(measure, F(list.Average()), F(list.Min()), F(list.Max()));
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
