using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Diagnostics;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary><c>newsum doctor [--seed file]</c>: storage, container and the configured model (one small structured
/// call, no retries), each finding with the setting to change. Exit code 1 when something must change.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var seed = new Option<FileInfo?>("--seed") { Description = "An article to send in the model check (default: two sentences of Arabic news)." };
        var command = new Command("doctor", "Check storage, the container and the configured model, and say which setting to change.") { seed };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(seed), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? seed, CancellationToken cancellationToken)
    {
        // One call, no retries: a throttle or an outage is reported at once rather than waited out.
        using var services = CliHost.Create([new("Summarizer:ModelMaxRetries", "0")]);
        CliHost.ValidateOptions(services);
        var seedText = seed is null ? null : await File.ReadAllTextAsync(seed.FullName, cancellationToken).ConfigureAwait(false);
        var findings = await services.GetRequiredService<ServiceDoctor>().RunAsync(seedText, cancellationToken).ConfigureAwait(false);

        var table = new Table().AddColumns("check", "status", "finding", "setting to change");
        foreach (var finding in findings)
        {
            var status = finding.Status switch
            {
                DoctorStatus.Ok => "[green]ok[/]",
                DoctorStatus.Warning => "[yellow]warning[/]",
                _ => "[red]error[/]",
            };
            table.AddRow(Markup.Escape(finding.Check), status, Markup.Escape(finding.Detail), Markup.Escape(finding.Setting ?? string.Empty));
        }

        AnsiConsole.Write(table);
        return findings.Any(f => f.Status == DoctorStatus.Error) ? 1 : 0;
    }
}
