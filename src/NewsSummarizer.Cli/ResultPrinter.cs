using System.Text.Json;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary>Prints result documents for people (Arabic as Arabic, never \u escapes) or as JSON.</summary>
internal static class ResultPrinter
{
    public static void Print(string name, SummaryDocument document, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(document, SummaryJson.Options));
            return;
        }

        var colour = document.Status switch
        {
            SummaryStatus.Ok => "green",
            SummaryStatus.Rejected => "yellow",
            _ => "red",
        };
        var status = WireNames.Of(document.Status);
        AnsiConsole.Write(new Rule($"[bold {colour}]{Markup.Escape(name)}: {Markup.Escape(status)}[/]").LeftJustified());
        Console.WriteLine($"status: {status}   language: {WireNames.Of(document.Language)}   provider: {document.Model.Provider}" +
            $" ({document.Model.Model}, {document.Model.PromptVersion})   {document.DurationMs} ms");
        if (document.Error is { } error)
        {
            Console.WriteLine($"error: {error.Code}: {error.Message}");
        }

        Section("Arabic", document.Title.Ar, document.Summary.Ar, document.KeyPoints.Ar);
        Section("English", document.Title.En, document.Summary.En, document.KeyPoints.En);
        if (document.Unavailable.Count > 0)
        {
            Console.WriteLine($"unavailable: {string.Join(", ", document.Unavailable.Select(WireNames.Of))}: {document.UnavailableReason}");
        }

        Console.WriteLine($"sha256: {document.Source.Sha256}   bytes: {document.Source.Bytes}   encoding: {document.Source.Encoding}");
        Console.WriteLine();
    }

    private static void Section(string heading, string? title, string? summary, IReadOnlyList<string> keyPoints)
    {
        if (title is null && summary is null)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"[{heading}] {title}");
        Console.WriteLine(summary);
        foreach (var point in keyPoints)
        {
            Console.WriteLine($"  • {point}");
        }
    }
}
