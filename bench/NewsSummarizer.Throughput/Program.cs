using System.CommandLine;
using NewsSummarizer.Throughput;

var articles = new Option<int>("--articles", "-n") { Description = "Articles to upload (N).", DefaultValueFactory = _ => 200 };
var latency = new Option<double>("--latency", "-l") { Description = "Fake model latency in seconds (L).", DefaultValueFactory = _ => 1.0 };
var uploaders = new Option<int>("--uploaders") { Description = "Concurrent uploads.", DefaultValueFactory = _ => 16 };
var preload = new Option<bool>("--preload") { Description = "Upload all articles before the DevHost starts (a backlog), instead of while it runs." };
var settings = new Option<string[]>("--set")
{
    Description = "DevHost setting KEY=VALUE (repeatable), e.g. Summarizer__MaxConcurrentModelCalls=32 or " +
        "AzureFunctionsJobHost__extensions__blobs__maxDegreeOfParallelism=16.",
    AllowMultipleArgumentsPerToken = true,
};
var trace = new Option<string?>("--trace") { Description = "Write every storage and model request and every article run (start, duration) to this file." };
var root = new RootCommand("Throughput of the blob pipeline: Azurite, a fake model of fixed latency and the DevHost, in one process.")
{
    articles, latency, uploaders, preload, settings, trace,
};
root.SetAction((parse, cancellationToken) => ThroughputRun.RunAsync(
    parse.GetValue(articles), TimeSpan.FromSeconds(parse.GetValue(latency)), parse.GetValue(uploaders), parse.GetValue(preload), parse.GetValue(settings) ?? [], parse.GetValue(trace), cancellationToken));

var memory = new Command("memory", "Peak memory over idle while one 1 MiB article goes through the pipeline (instant model, Azurite).");
var bytes = new Option<int>("--bytes") { Description = "Article size in bytes.", DefaultValueFactory = _ => 1024 * 1024 };
memory.Options.Add(bytes);
memory.SetAction((parse, cancellationToken) => MemoryRun.RunAsync(parse.GetValue(bytes), cancellationToken));
root.Subcommands.Add(memory);

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
