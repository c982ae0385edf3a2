using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Processing;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Benchmarks;

/// <summary>The blob pipeline's overhead per article against Azurite with a model that answers at once, side by side
/// with the least any implementation must do: download the article and upload a result of the same size beside it.
/// Every invocation works on a fresh article (uploaded in the iteration setup), so the pipeline always summarises
/// and writes, and the baseline always writes a new blob, as the pipeline does.</summary>
[MemoryDiagnoser]
[InvocationCount(Invocations, unrollFactor: 1)]
[WarmupCount(3)]
[IterationCount(20)]
public class PipelineBenchmarks
{
    private const int Invocations = 32;
    private const string Container = "bench";

    private readonly InstantChatClient model = new();
    private AzuriteProcess azurite = null!;
    private ServiceProvider services = null!;
    private ArticleProcessor processor = null!;
    private BlobContainerClient container = null!;
    private BinaryData sameSizeResult = null!;
    private string[] names = [];
    private int next;
    private int iteration;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        services?.Dispose();
        azurite?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void UploadFreshArticles()
    {
        iteration++;
        names = [.. Enumerable.Range(0, Invocations).Select(i => $"it{iteration}/article-{i}.txt")];
        Task.WhenAll(names.Select(name => container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(BenchmarkInputs.SeedUtf8), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } })))
            .GetAwaiter().GetResult();
        next = 0;
    }

    /// <summary>Download the article, upload a same-size JSON document to a sibling blob.</summary>
    [Benchmark(Baseline = true)]
    public async Task RawDownloadAndUpload()
    {
        var name = names[next++];
        var download = await container.GetBlobClient(name).DownloadContentAsync().ConfigureAwait(false);
        GC.KeepAlive(download.Value.Content);
        await container.GetBlobClient(name + ".raw.json").UploadAsync(
            sameSizeResult, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } })
            .ConfigureAwait(false);
    }

    /// <summary>ArticleProcessor.ProcessAsync, as the blob trigger calls it.</summary>
    [Benchmark]
    public async Task<ProcessingOutcome> Pipeline_InstantModel()
    {
        var outcome = await processor.ProcessAsync(names[next++], CancellationToken.None).ConfigureAwait(false);
        return outcome.Result == ProcessingResult.Written
            ? outcome
            : throw new InvalidOperationException($"Expected a written result, got {outcome.Result}.");
    }

    private async Task SetupAsync()
    {
        azurite = await AzuriteProcess.StartInMemoryAsync().ConfigureAwait(false);
        services = InstantPipeline.Build(azurite.ConnectionString, Container, model);
        processor = services.GetRequiredService<ArticleProcessor>();
        container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(Container);
        await container.CreateIfNotExistsAsync().ConfigureAwait(false);

        // The baseline uploads exactly as many bytes as the pipeline writes for this article.
        const string probe = "probe/article.txt";
        await container.GetBlobClient(probe).UploadAsync(BinaryData.FromBytes(BenchmarkInputs.SeedUtf8)).ConfigureAwait(false);
        var outcome = await processor.ProcessAsync(probe, CancellationToken.None).ConfigureAwait(false);
        if (outcome.Result != ProcessingResult.Written || outcome.Document?.Status != SummaryStatus.Ok)
        {
            throw new InvalidOperationException($"The probe article was not summarised: {outcome.Result} {outcome.Document?.Status}.");
        }

        var written = await container.GetBlobClient(Summaries.SummaryBlobNames.ResultFor(probe)).DownloadContentAsync().ConfigureAwait(false);
        sameSizeResult = BinaryData.FromBytes(new byte[written.Value.Content.ToMemory().Length]);
    }
}
