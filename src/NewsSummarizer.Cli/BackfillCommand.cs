using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsSummarizer.Summarization;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary><c>newsum backfill [--container C] [--only missing|stale|fallback|failed|overdue]</c>: summarises the articles
/// whose result is missing or not current, with the same concurrency limit as the service.</summary>
internal static class BackfillCommand
{
    public static Command Create()
    {
        var container = new Option<string?>("--container") { Description = "The articles container (default: setting ArticlesContainer, else articles)." };
        var only = new Option<BackfillSelection>("--only")
        {
            Description = "Only articles whose result is missing, stale (other provider, prompt or article version), fallback, failed, or overdue (waiting long past its scheduled attempt).",
            DefaultValueFactory = _ => BackfillSelection.All,
        };
        var command = new Command("backfill", "Summarise the articles whose result is missing or not current.") { container, only };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(container), parse.GetValue(only), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? container, BackfillSelection only, CancellationToken cancellationToken)
    {
        using var services = CliHost.Create(container is null ? null : [new("ArticlesContainer", container)]);
        CliHost.ValidateOptions(services);
        var backfill = services.GetRequiredService<BackfillService>();
        var parallelism = services.GetRequiredService<IOptions<SummarizerOptions>>().Value.MaxConcurrentModelCalls;
        var candidates = await backfill.PlanAsync(only, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"{candidates.Count} article(s) to summarise ({only.ToString().ToLowerInvariant()}).");
        if (candidates.Count == 0)
        {
            return 0;
        }

        IReadOnlyDictionary<BackfillOutcome, int> counts;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            counts = await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("backfill", maxValue: candidates.Count);
                return await backfill.RunAsync(candidates, parallelism, (_, _) => task.Increment(1), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            counts = await backfill.RunAsync(candidates, parallelism, (candidate, outcome) => Console.WriteLine($"{candidate.Name}: {outcome}"), cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var (outcome, count) in counts.OrderBy(pair => pair.Key.ToString(), StringComparer.Ordinal))
        {
            Console.WriteLine($"{outcome}: {count}");
        }

        return counts.Keys.Any(outcome => outcome.IsFailure) ? 1 : 0;
    }
}
