using System.Text;
using NewsSummarizer.Processing;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Throughput;

/// <summary>Peak memory of one large article through <see cref="ArticleProcessor"/> (Azurite, instant model), over
/// the process's idle footprint after a warm-up with the seed article. Linux only: it reads /proc/self/status.
/// <list type="bullet">
/// <item>Peak RSS: the kernel's high-water mark (VmHWM), reset through /proc/self/clear_refs just before the run.</item>
/// <item>Peak private bytes: anonymous resident memory (RssAnon), sampled every millisecond during the run.</item>
/// <item>Managed: GC.GetTotalAllocatedBytes before and after, and the GC heap size sampled alongside.</item>
/// </list></summary>
internal static class MemoryRun
{
    public static async Task<int> RunAsync(int bytes, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartInMemoryAsync().ConfigureAwait(false);
        var model = new InstantChatClient();
        await using var services = InstantPipeline.Build(azurite.ConnectionString, "articles", model);
        var processor = services.GetRequiredService<ArticleProcessor>();
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("articles");
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        var seed = await File.ReadAllBytesAsync(SampleArticles.ArabicSeedPath, cancellationToken).ConfigureAwait(false);
        var large = LargeArticle(Encoding.UTF8.GetString(seed), bytes);
        await container.GetBlobClient("warmup.txt").UploadAsync(BinaryData.FromBytes(seed), cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient("large.txt").UploadAsync(BinaryData.FromBytes(large), cancellationToken).ConfigureAwait(false);
        Expect(await processor.ProcessAsync("warmup.txt", cancellationToken).ConfigureAwait(false));

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        var idle = Status();
        var idleHeap = GC.GetTotalMemory(false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var callsBefore = model.Calls;
        await File.WriteAllTextAsync("/proc/self/clear_refs", "5", cancellationToken).ConfigureAwait(false); // resets VmHWM

        using var sampling = new CancellationTokenSource();
        long peakAnon = idle.RssAnonKb, peakHeap = idleHeap;
        var sampler = Task.Run(() =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakAnon = Math.Max(peakAnon, Status().RssAnonKb);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var outcome = await processor.ProcessAsync("large.txt", cancellationToken).ConfigureAwait(false);
        clock.Stop();
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        Expect(outcome);
        var after = Status();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        static string MiB(double kb) => (kb / 1024).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            article                       {large.Length:N0} bytes UTF-8 Arabic ({outcome.Document!.Status}, {model.Calls - callsBefore} model calls, {clock.ElapsedMilliseconds} ms)
            idle (after warm-up, full GC)  RSS {MiB(idle.RssKb)}, private (RssAnon) {MiB(idle.RssAnonKb)}, GC heap {MiB(idleHeap / 1024.0)}
            peak RSS (VmHWM) over idle     {MiB(after.HwmKb - idle.RssKb)}   (peak {MiB(after.HwmKb)})
            peak private bytes over idle   {MiB(peakAnon - idle.RssAnonKb)}   (peak {MiB(peakAnon)}, sampled every 1 ms)
            peak GC heap over idle         {MiB((peakHeap - idleHeap) / 1024.0)}
            managed bytes allocated        {MiB(allocated / 1024.0)} ({allocated / (double)large.Length:F1} × the article)
            GC count gen0/gen1/gen2        {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (process lifetime)
            """));
        return 0;
    }

    private static void Expect(ProcessingOutcome outcome)
    {
        if (outcome.Result != ProcessingResult.Written || outcome.Document?.Status != SummaryStatus.Ok)
        {
            throw new InvalidOperationException($"Expected an ok result, got {outcome.Result} {outcome.Document?.Status} {outcome.Document?.Error?.Message}.");
        }
    }

    /// <summary>The seed's paragraphs repeated (numbered, so no two are identical) up to <paramref name="bytes"/>.</summary>
    private static byte[] LargeArticle(string seed, int bytes)
    {
        var paragraphs = seed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = new StringBuilder();
        for (var i = 0; ; i++)
        {
            var next = string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {paragraphs[i % paragraphs.Length]}\n\n");
            if (Encoding.UTF8.GetByteCount(text.ToString()) + Encoding.UTF8.GetByteCount(next) > bytes)
            {
                return Encoding.UTF8.GetBytes(text.ToString());
            }

            text.Append(next);
        }
    }

    private static (long RssKb, long RssAnonKb, long HwmKb) Status()
    {
        long rss = 0, anon = 0, hwm = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            static long Kb(string line) => long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kb(line);
            }
        }

        return (rss, anon, hwm);
    }
}
