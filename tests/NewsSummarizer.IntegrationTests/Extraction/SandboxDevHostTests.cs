using System.Diagnostics;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.IntegrationTests.Extraction;

/// <summary>Issue 23's audit through the running DevHost (blob trigger on Azurite, the fake model): every document that
/// crashed, pinned or bloated the host when its parser ran inside it gets a final rejection, the host serves
/// throughout and afterwards, a normal article beside them is summarised, the sandbox really killed processes, no
/// extractor is left busy or spinning, none outlives the host, and the host's own memory stays where it was.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SandboxDevHostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // A guard against a hang, not a performance threshold.
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Upload_HostileDocumentsWithANormalArticle_EachIsRejectedAndTheHostIsUnharmed()
    {
        await using var model = await FakeModelServer.StartAsync();
        var container = await azurite.CreateContainerAsync("sandbox");
        var settings = model.OpenAISettings();
        settings["Extraction:PoolSize"] = "2";
        settings["Extraction:CpuBudgetSeconds"] = "5";
        settings["Extraction:MemoryLimitMegabytes"] = "512";
        var host = await DevHostRunner.StartAsync(azurite, container.Name, settings);
        var pool = host.Services.GetRequiredService<ExtractorPool>();
        var hostMemoryBefore = ResidentBytes();
        var seen = new HashSet<int>();
        using var stop = new CancellationTokenSource();
        var watching = WatchAsync(host.Client, pool, seen, stop.Token);

        await container.GetBlobClient("normal/budget.txt").UploadAsync(BinaryData.FromString(SampleArticles.EnglishSeed));
        foreach (var (name, content) in HostileDocuments.All)
        {
            await container.GetBlobClient("hostile/" + name).UploadAsync(BinaryData.FromBytes(content));
        }

        var wrong = new List<string>();
        foreach (var (name, _) in HostileDocuments.All)
        {
            var document = await StoredResults.WaitForAsync(container, "hostile/" + name, timeout: ResultTimeout);
            output.WriteLine($"{name}: {document.Status} {document.Error?.Code} ({document.Error?.Message})");
            if (document.Status != SummaryStatus.Rejected || !HostileDocuments.SandboxCodes.Contains(document.Error!.Code))
            {
                wrong.Add($"{name}: {document.Status} {document.Error?.Code}");
            }
        }

        var normal = await StoredResults.WaitForAsync(container, "normal/budget.txt", timeout: ResultTimeout);
        await stop.CancelAsync();
        var healthFailures = await watching;
        var state = pool.State;
        output.WriteLine($"pool: {state}; host memory {hostMemoryBefore / 1048576} -> {ResidentBytes() / 1048576} MiB");

        Assert.Empty(wrong);
        Assert.Equal(SummaryStatus.Ok, normal.Status);
        Assert.Empty(healthFailures);
        Assert.True(state.CpuKills + state.MemoryKills + state.WallClockKills + state.Crashes > 0, "No extractor process was killed: the sandbox was never tested.");
        Assert.Equal(0, state.Busy);
        Assert.All(seen.Except(state.ProcessIds), AssertGone);
        AssertIdle(state.ProcessIds);

        // The parsers' memory was the extractors', not the host's.
        Assert.InRange(ResidentBytes() - hostMemoryBefore, long.MinValue, 512L * 1024 * 1024);

        await host.DisposeAsync();
        Assert.All(seen, AssertGone);
    }

    [Fact]
    public async Task ExtractorMissing_HealthSaysDegradedHtmlGets503AndPlainTextIsStillSummarised()
    {
        var settings = new Dictionary<string, string?> { ["Extraction:ExtractorPath"] = Path.Combine(Path.GetTempPath(), "missing", "NewsSummarizer.Extractor.dll") };
        await using var host = await DevHostRunner.StartAsync(azurite, AzuriteFixture.NewContainerName("noextractor"), settings);

        using var html = await host.Client.PostAsync(
            new Uri("api/summaries", UriKind.Relative),
            new StringContent("<html><body><article><p>" + SampleArticles.ShortEnglish + "</p></article></body></html>", Encoding.UTF8, "text/html"));
        using var text = await host.Client.PostAsync(
            new Uri("api/summaries", UriKind.Relative), new StringContent(SampleArticles.ShortEnglish, Encoding.UTF8, "text/plain"));
        using var health = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("api/health", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, html.StatusCode);
        Assert.Contains("extractor-unavailable", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(html.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("unavailable", health.RootElement.GetProperty("extractor").GetString());
    }

    /// <summary>Probes <c>/api/health</c> and notes every extractor process id, until stopped.</summary>
    private static async Task<List<string>> WatchAsync(HttpClient http, ExtractorPool pool, HashSet<int> seen, CancellationToken stop)
    {
        var failures = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            lock (seen)
            {
                seen.UnionWith(pool.State.ProcessIds);
            }

            try
            {
                using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative), stop);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {(int)response.StatusCode}");
                }

                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {exception.Message}");
            }
        }

        return failures;
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>The warm processes left are waiting for work: over two seconds they spend a small part of one.</summary>
    private static void AssertIdle(IReadOnlyList<int> pids)
    {
        var processes = pids.Select(Process.GetProcessById).ToList();
        var before = processes.Select(p => p.TotalProcessorTime).ToList();
        Thread.Sleep(TimeSpan.FromSeconds(2));
        for (var i = 0; i < processes.Count; i++)
        {
            processes[i].Refresh();
            var spent = processes[i].TotalProcessorTime - before[i];
            Assert.True(spent < TimeSpan.FromSeconds(1), $"Extractor {pids[i]} spent {spent.TotalSeconds:F1} s of CPU while idle.");
            processes[i].Dispose();
        }
    }

    private static void AssertGone(int pid) => Assert.True(ProcessState.HasEnded(pid), $"Extractor process {pid} is still running.");
}
