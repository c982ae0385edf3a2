using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;
using Spectre.Console;

namespace NewsSummarizer.Cli;

/// <summary><c>newsum summarize &lt;path&gt;... [--out DIR] [--provider P] [--length L | --ratio R | --sentences N] [--json]</c>:
/// summarises local files through the service's own reader and summary service, without storage. The exit code is
/// 0 only when every file got an <c>ok</c> result; a bad file gets a <c>rejected</c> result and the run goes on.</summary>
internal static class SummarizeCommand
{
    public static Command Create()
    {
        var paths = CliArguments.ArticlePaths("Files or folders (recursively) to summarise.");
        var output = new Option<string?>("--out") { Description = "Write DIR/<relative path>.summary.json for each file instead of printing results." };
        var provider = new Option<SummarizerProvider?>("--provider") { Description = "Override the Summarizer:Provider setting (Extractive, AzureOpenAI, OpenAI)." };
        var ratio = new Option<double?>("--ratio") { Description = "Summary length as a share of the article's sentences, in (0, 1]." };
        var sentences = new Option<int?>("--sentences") { Description = "Summary length in sentences." };
        var length = CliArguments.Length("Summary length");
        var json = new Option<bool>("--json") { Description = "Print results as JSON documents (without --out)." };
        var command = new Command("summarize", "Summarise local article files with the service's summariser (offline by default).")
        {
            paths, output, provider, length, ratio, sentences, json,
        };
        command.Validators.Add(result =>
        {
            if (SummarizePlan.Length(result.GetValue(ratio), result.GetValue(sentences), out var error, result.GetValue(length)) is null)
            {
                result.AddError(error!);
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Request(
                parse.GetRequiredValue(paths),
                parse.GetValue(output),
                parse.GetValue(provider),
                SummarizePlan.Length(parse.GetValue(ratio), parse.GetValue(sentences), out _, parse.GetValue(length))!,
                parse.GetValue(json)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        IReadOnlyList<SummarizeItem> items;
        try
        {
            items = SummarizePlan.Expand(request.Paths, request.Output);
        }
        catch (Exception exception) when (exception is FileNotFoundException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        using var services = CliHost.Create(request.Provider is { } provider ? [new("Summarizer:Provider", provider.ToString())] : null);
        CliHost.ValidateOptions(services);
        var runner = new Runner(
            services.GetRequiredService<ArticleReader>(),
            services.GetRequiredService<SummaryService>(),
            request.Length);

        var results = new List<SummaryDocument>(items.Count);
        if (request.Output is null)
        {
            foreach (var item in items)
            {
                var document = await runner.SummarizeAsync(item, cancellationToken).ConfigureAwait(false);
                ResultPrinter.Print(item.Name, document, request.Json);
                results.Add(document);
            }
        }
        else if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("summarize", maxValue: items.Count);
                foreach (var item in items)
                {
                    results.Add(await runner.WriteAsync(item, cancellationToken).ConfigureAwait(false));
                    task.Increment(1);
                }
            }).ConfigureAwait(false);
        }
        else
        {
            foreach (var item in items)
            {
                var document = await runner.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"{item.Name}: {WireNames.Of(document.Status)}{(document.Error is { } e ? $" ({e.Code})" : string.Empty)} -> {item.OutputPath}");
                results.Add(document);
            }
        }

        var counts = results.GroupBy(d => WireNames.Of(d.Status)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
        await Console.Error.WriteLineAsync($"{results.Count} file(s): {string.Join(", ", counts)}").ConfigureAwait(false);
        return results.TrueForAll(d => d.IsOk) ? 0 : 1;
    }

    private sealed record Request(string[] Paths, string? Output, SummarizerProvider? Provider, SummaryLength Length, bool Json);

    /// <summary>File → result document, the way the blob trigger does it for a blob.</summary>
    private sealed class Runner(ArticleReader reader, SummaryService service, SummaryLength length)
    {
        public async Task<SummaryDocument> WriteAsync(SummarizeItem item, CancellationToken cancellationToken)
        {
            var document = await SummarizeAsync(item, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(Path.GetDirectoryName(item.OutputPath!)!);
            await File.WriteAllBytesAsync(item.OutputPath!, SummaryJson.Serialize(document), cancellationToken).ConfigureAwait(false);
            return document;
        }

        public async Task<SummaryDocument> SummarizeAsync(SummarizeItem item, CancellationToken cancellationToken)
        {
            var contentType = ArticleUploader.ContentTypeOf(item.Path);
            ArticleReadResult read;
            long bytes;
            try
            {
                bytes = new FileInfo(item.Path).Length;
                var maxBytes = reader.MaxBytesFor(item.Name, contentType);
                read = bytes > maxBytes
                    ? ArticleReader.TooLarge(bytes, maxBytes)
                    : await reader.ReadAsync(await File.ReadAllBytesAsync(item.Path, cancellationToken).ConfigureAwait(false), item.Name, contentType, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                bytes = 0;
                read = ArticleReadResult.Rejected(FailureCodes.UnreadableFile, $"The file could not be read: {exception.Message}");
            }

            var source = new SourceInfo(null, item.Name, null, read.Sha256, contentType, bytes, read.Encoding, read.Format);
            try
            {
                return await service.CreateDocumentAsync(read, source, length, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The model stayed unavailable (or failed otherwise) for this file: record it and go on.
                return service.Failed(Failure.Failed(FailureCodes.SummarizationFailed, exception.Message), source);
            }
        }
    }
}
