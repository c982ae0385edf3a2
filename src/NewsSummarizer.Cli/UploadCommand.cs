using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Cli;

/// <summary><c>newsum upload &lt;path&gt;... [--length L] [--wait] [--timeout S] [--json]</c>: uploads articles to the configured storage
/// and optionally waits for their results and prints them. With <c>--wait</c> the exit code is 0 only when every
/// article got an <c>ok</c> result.</summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var paths = CliArguments.ArticlePaths("Files or folders (recursively) to upload.");
        var container = new Option<string?>("--container") { Description = "The articles container (default: setting ArticlesContainer, else articles)." };
        var wait = new Option<bool>("--wait") { Description = "Wait for each article's result and print it." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for all results.", DefaultValueFactory = _ => 120 };
        var json = new Option<bool>("--json") { Description = "Print results as JSON documents." };
        var length = CliArguments.Length("Summary length, written as the blob's summary_length metadata");
        var command = new Command("upload", "Upload articles to the articles container (Azurite by default).") { paths, container, length, wait, timeout, json };
        command.Validators.Add(result =>
        {
            if (!SummaryLength.TryParse(result.GetValue(length), out _, out var error))
            {
                result.AddError("--length: " + error);
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            SummaryLength.TryParse(parse.GetValue(length), out var summaryLength, out _);
            return RunAsync(
                parse.GetRequiredValue(paths), parse.GetValue(container), summaryLength, parse.GetValue(wait), parse.GetValue(timeout), parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string[] paths, string? container, SummaryLength length, bool wait, int timeoutSeconds, bool json, CancellationToken cancellationToken)
    {
        using var services = CliHost.Create(container is null ? null : [new("ArticlesContainer", container)]);
        CliHost.ValidateOptions(services);
        var uploader = services.GetRequiredService<ArticleUploader>();
        var reader = services.GetRequiredService<ArticleReader>();
        // Every name is checked before anything is uploaded: the service would refuse these articles anyway.
        var files = ArticleUploader.Expand(paths).ToList();
        var refused = 0;
        foreach (var (path, blobName) in files)
        {
            if (ArticleNames.Validate(blobName) is { } invalid)
            {
                refused++;
                await Console.Error.WriteLineAsync($"cannot upload {path} as '{blobName}': {invalid.Message}").ConfigureAwait(false);
            }
        }

        if (refused > 0)
        {
            await Console.Error.WriteLineAsync($"{refused} file(s) have names the service refuses; nothing was uploaded.").ConfigureAwait(false);
            return 2;
        }

        await uploader.EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var uploads = new List<Upload>();
        foreach (var (path, blobName) in files)
        {
            var etag = await uploader.UploadAsync(path, blobName, length, cancellationToken).ConfigureAwait(false);
            var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var sha256 = (await reader.ReadAsync(content, blobName, ArticleUploader.ContentTypeOf(path), cancellationToken: cancellationToken).ConfigureAwait(false)).Sha256;
            uploads.Add(new Upload(blobName, etag, sha256));
            Console.WriteLine($"uploaded {path} -> {blobName}");
        }

        if (!wait)
        {
            return 0;
        }

        var store = services.GetRequiredService<IArticleStore>();
        var summaries = services.GetRequiredService<SummaryService>();
        var deadline = Stopwatch.StartNew();
        var pending = new List<Upload>(uploads);
        var lastSeen = new Dictionary<string, SummaryDocument>(StringComparer.Ordinal);
        var failures = 0;
        while (pending.Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(timeoutSeconds))
        {
            foreach (var upload in pending.ToArray())
            {
                // The service's own verdict: done once the result is current for this upload's text (or is its
                // fallback or failure). A result of an older version or another provider does not count.
                var result = await store.GetResultAsync(upload.Name, cancellationToken).ConfigureAwait(false);
                if (result?.Document is not { } document)
                {
                    continue;
                }

                lastSeen[upload.Name] = document;
                if (!summaries.Classify(document, upload.Sha256, upload.ETag, length).IsSettled())
                {
                    continue;
                }

                pending.Remove(upload);
                ResultPrinter.Print(upload.Name, document, json);
                failures += document.Status == SummaryStatus.Ok ? 0 : 1;
            }

            if (pending.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var (name, etag, sha256) in pending)
        {
            var hint = lastSeen.TryGetValue(name, out var seen) && seen.Status == SummaryStatus.Waiting && seen.RetryAt is { } retryAt
                ? $" It is waiting: the model was unavailable and the next attempt is scheduled for {retryAt:O}. " +
                  $"Check GET /api/summaries/{name} after that."
                : seen is not null && ResultClassifier.Describes(seen.Source, new ArticleVersion(etag, sha256))
                ? $" A result for this text exists from {seen.Model.Provider} (prompt {seen.Model.PromptVersion}), but this CLI is set up " +
                  $"for {summaries.Provider} (prompt {summaries.PromptVersion}): check Summarizer__Provider."
                : " Is the DevHost (or the Functions app) running against this storage?";
            await Console.Error.WriteLineAsync($"no current result for {name} after {timeoutSeconds} s.{hint}").ConfigureAwait(false);
        }

        if (failures > 0)
        {
            await Console.Error.WriteLineAsync($"{failures} article(s) did not get an ok result; see their errors above.").ConfigureAwait(false);
        }

        return pending.Count == 0 && failures == 0 ? 0 : 1;
    }

    private sealed record Upload(string Name, string ETag, string? Sha256);
}
