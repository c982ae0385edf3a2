using System.Collections.Concurrent;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Throughput;

/// <summary>Uploads N articles to Azurite while the DevHost runs in this process against a fake model of latency L,
/// and reports the wall time against the ideal N × L ÷ concurrency and each article's upload-to-result time.</summary>
internal static class ThroughputRun
{
    private const string Container = "articles";

    public static async Task<int> RunAsync(int articles, TimeSpan latency, int uploaders, bool preload, string[] settings, string? tracePath, CancellationToken cancellationToken)
    {
        using var trace = tracePath is null ? null : new TraceDump();
        var seed = await File.ReadAllBytesAsync(SampleArticles.ArabicSeedPath, cancellationToken).ConfigureAwait(false);
        await using var azurite = await AzuriteProcess.StartInMemoryAsync().ConfigureAwait(false);
        await using var model = await FakeModelServer.StartAsync().ConfigureAwait(false);
        model.Script = _ => FakeReply.Ok(FakeModelServer.ValidReply) with { Delay = latency };
        var configuration = model.OpenAISettings();
        foreach (var setting in settings)
        {
            var split = setting.IndexOf('=', StringComparison.Ordinal);
            configuration[setting[..split].Replace("__", ":", StringComparison.Ordinal)] = setting[(split + 1)..];
        }

        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(Container);
        var names = Enumerable.Range(0, articles).Select(i => $"run/{i:D4}.txt").ToArray();
        var uploaded = new long[articles];
        if (preload)
        {
            // All articles are in the container before the trigger's first scan: what is measured is how fast the
            // host works through a backlog, free of the polling scan's timing.
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await UploadAllAsync(container, names, seed, uploaders, uploaded, cancellationToken).ConfigureAwait(false);
        }

        // When each article's result was written (Stopwatch timestamps, the same clock the uploads are timed with).
        var written = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await using var host = await DevHostRunner.StartAsync(
            azurite.ConnectionString,
            Container,
            configuration,
            services => ObservingArticleStore.Register(services, name => written.TryAdd(name, Stopwatch.GetTimestamp())))
            .WaitAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        var concurrency = host.Services.GetRequiredService<IOptions<NewsSummarizer.Summarization.SummarizerOptions>>().Value.MaxConcurrentModelCalls;
        long start;
        var startedAt = DateTimeOffset.UtcNow;
        if (preload)
        {
            start = Stopwatch.GetTimestamp();
            Array.Fill(uploaded, start);
        }
        else
        {
            // Warm-up: one article end to end (JIT, connection pools, the trigger's first scan), not counted.
            await UploadAsync(container, "warmup/article.txt", seed, cancellationToken).ConfigureAwait(false);
            await StoredResults.WaitForAsync(container, "warmup/article.txt", d => d.Status != SummaryStatus.Waiting, TimeSpan.FromMinutes(2), cancellationToken)
                .ConfigureAwait(false);
            model.ResetCounters();
            start = Stopwatch.GetTimestamp();
            startedAt = DateTimeOffset.UtcNow;
            await UploadAllAsync(container, names, seed, uploaders, uploaded, cancellationToken).ConfigureAwait(false);
        }

        var progress = Stopwatch.StartNew();
        var stalled = Stopwatch.StartNew();
        var lastDone = -1;
        while (true)
        {
            var done = names.Count(written.ContainsKey);
            if (done != lastDone)
            {
                lastDone = done;
                stalled.Restart();
            }

            if (done == articles || stalled.Elapsed > StallTimeout)
            {
                break;
            }

            if (progress.Elapsed > TimeSpan.FromSeconds(5))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Stopwatch.GetElapsedTime(start).TotalSeconds,6:F1} s: {done}/{articles} results, {model.RequestCount} model requests, max in flight {model.MaxInFlight}"));
                progress.Restart();
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        var missed = names.Where(n => !written.ContainsKey(n)).ToArray();
        names = [.. names.Where(written.ContainsKey)];
        uploaded = [.. uploaded.Where((_, i) => written.ContainsKey($"run/{i:D4}.txt"))];
        var end = names.Max(n => written[n]);
        var wall = Stopwatch.GetElapsedTime(start, end);
        var ideal = latency * names.Length / concurrency;
        var latencies = names.Select((n, i) => Stopwatch.GetElapsedTime(uploaded[i], written[n]).TotalSeconds).Order().ToArray();
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            articles N                 {articles} (seed article, {seed.Length:N0} bytes), uploaded by {uploaders} tasks
            model latency L            {latency.TotalSeconds:F2} s; model concurrency limit {concurrency}; max requests in flight at the model {model.MaxInFlight}; requests {model.RequestCount}
            mode                               {(preload ? "preloaded backlog (wall from DevHost start)" : "live uploads after a warm-up article")}
            results                            {names.Length}/{articles}{(missed.Length == 0 ? "" : $"; NEVER TRIGGERED ({missed.Length}): {string.Join(' ', missed.Take(10))}")}
            wall (start → last result)         {wall.TotalSeconds:F2} s
            ideal N × L ÷ concurrency          {ideal.TotalSeconds:F2} s
            wall / ideal                       {wall / ideal:F2}
            throughput                         {names.Length / wall.TotalSeconds:F1} articles/s
            upload → result  p50 {Percentile(latencies, 0.50):F2} s   p95 {Percentile(latencies, 0.95):F2} s   max {latencies[^1]:F2} s   min {latencies[0]:F2} s
            model calls (s after start)        {ModelTimeline(model, startedAt, concurrency, latency)}
            uploads done (s after start)       first {Stopwatch.GetElapsedTime(start, uploaded.Min()).TotalSeconds:F2}, last {Stopwatch.GetElapsedTime(start, uploaded.Max()).TotalSeconds:F2}; start {startedAt:HH:mm:ss.fff}
            settings                           {(settings.Length == 0 ? "(repository defaults)" : string.Join(' ', settings))}
            """);
        Console.WriteLine(report);
        if (trace is not null)
        {
            await trace.WriteAsync(tracePath!, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    // Where the wall goes at the model: when the first call, the decisive call and the concurrency-th call arrived, and
    // how long after a call's reply was due the call taking its slot arrived (the k-th call against the
    // (k - concurrency)-th). N calls on c slots take R = ⌈N ÷ c⌉ rounds, and the r = N - (R - 1) × c slots that start
    // first make all R, so the last call starts R - 1 rounds after the r-th first call: wall = the r-th call's arrival
    // + R rounds + the handoffs + the last write. When the r-th call comes decides the figure, not when the c-th does.
    private static string ModelTimeline(FakeModelServer model, DateTimeOffset startedAt, int concurrency, TimeSpan latency)
    {
        var arrivals = model.RawRequests.Where(r => r.ReceivedAt >= startedAt).Select(r => (r.ReceivedAt - startedAt).TotalSeconds).Order().ToArray();
        if (arrivals.Length <= concurrency)
        {
            return "too few";
        }

        var decisive = arrivals.Length % concurrency is 0 ? concurrency : arrivals.Length % concurrency;
        var handoffs = Enumerable.Range(concurrency, arrivals.Length - concurrency)
            .Select(k => (arrivals[k] - arrivals[k - concurrency] - latency.TotalSeconds) * 1000).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"first {arrivals[0]:F2}, {Ordinal(decisive)} {arrivals[decisive - 1]:F2} (decisive), {Ordinal(concurrency)} {arrivals[concurrency - 1]:F2}, last {arrivals[^1]:F2}; " +
            $"slot handoff p50 {Percentile(handoffs, 0.5):F0} ms p95 {Percentile(handoffs, 0.95):F0} ms mean {handoffs.Average():F0} ms");
    }

    private static string Ordinal(int n) => string.Create(CultureInfo.InvariantCulture, $"{n}{(n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" })}");

    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(45);

    private static Task UploadAllAsync(BlobContainerClient container, string[] names, byte[] seed, int uploaders, long[] uploaded, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, names.Length),
            new ParallelOptions { MaxDegreeOfParallelism = uploaders, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                await UploadAsync(container, names[i], seed, ct).ConfigureAwait(false);
                uploaded[i] = Stopwatch.GetTimestamp();
            });

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Task UploadAsync(BlobContainerClient container, string name, byte[] content, CancellationToken cancellationToken) =>
        container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } }, cancellationToken);
}
