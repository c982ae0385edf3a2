using System.Diagnostics;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.IntegrationTests.Extraction;

/// <summary><see cref="ExtractorPool"/> over real extractor processes: benign documents reuse a warm process; each
/// way a process can end (CPU budget, memory limit, crash, cancellation) becomes its own rejection, the process is
/// gone afterwards and the next document is read by a fresh one.</summary>
public sealed class ExtractorPoolTests(ITestOutputHelper output)
{
    private const string Sentence = "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent.";

    private static readonly ExtractionJob Benign = Html("<html><head><title>Budget</title></head><body><article><p>" + Sentence + "</p></article></body></html>");

    [Fact]
    public async Task ExtractAsync_BenignDocuments_ReuseOneWarmProcess()
    {
        using var sut = CreateSut();

        var first = await sut.ExtractAsync(Benign, CancellationToken.None);
        var pid = Assert.Single(sut.State.ProcessIds);
        var second = await sut.ExtractAsync(Benign, CancellationToken.None);

        Assert.True(first.IsExtracted, first.Error?.Message);
        Assert.Contains("approved a new budget", first.Text, StringComparison.Ordinal);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal("Budget", second.Title);
        Assert.Equal(pid, Assert.Single(sut.State.ProcessIds));
        Assert.Equal((2, 0), (sut.State.Jobs, sut.State.Restarts));
    }

    [Fact]
    public async Task ExtractAsync_CpuBudgetSpent_KillsTheProcessAndRejectsTooComplex()
    {
        using var sut = CreateSut(new ExtractionOptions { PoolSize = 1, CpuBudgetSeconds = 2 });
        await sut.ExtractAsync(Benign, CancellationToken.None);
        var pid = Assert.Single(sut.State.ProcessIds);

        // PdfPig walks a page tree whose cycle is longer than the history it keeps, for ever.
        var result = await sut.ExtractAsync(new ExtractionJob("pdf", HostileDocuments.PagesCycle(1_500)), CancellationToken.None);

        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Error?.Code);
        Assert.Contains("2 s of CPU", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(1, sut.State.CpuKills);
        AssertGone(pid);
        await AssertServesAgainAsync(sut, pid);
    }

    [Fact]
    public async Task ExtractAsync_MemoryLimitReached_KillsTheProcessAndRejectsTooLargeInMemory()
    {
        using var sut = CreateSut(new ExtractionOptions { PoolSize = 1, MemoryLimitMegabytes = 256 });
        await sut.ExtractAsync(Benign, CancellationToken.None);
        var pid = Assert.Single(sut.State.ProcessIds);

        var result = await sut.ExtractAsync(new ExtractionJob("pdf", HostileDocuments.LetterFlood()), CancellationToken.None);

        Assert.Equal(ArticleErrorCodes.TooLargeInMemory, result.Error?.Code);
        Assert.Contains("256 MiB", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(1, sut.State.MemoryKills);
        AssertGone(pid);
        await AssertServesAgainAsync(sut, pid);
    }

    [Fact]
    public async Task ExtractAsync_ParserOverflowsItsStack_RejectsExtractionCrashed()
    {
        using var sut = CreateSut();
        await sut.ExtractAsync(Benign, CancellationToken.None);
        var pid = Assert.Single(sut.State.ProcessIds);

        // Two forms that draw each other: PdfPig recurses until the stack overflows, which no catch can stop.
        var result = await sut.ExtractAsync(new ExtractionJob("pdf", HostileDocuments.FormsDrawingEachOther()), CancellationToken.None);

        Assert.Equal(ArticleErrorCodes.ExtractionCrashed, result.Error?.Code);
        Assert.Contains("exit code", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(1, sut.State.Crashes);
        AssertGone(pid);
        await AssertServesAgainAsync(sut, pid);
    }

    [Fact]
    public async Task ExtractAsync_CancelledMidJob_KillsTheProcess()
    {
        using var sut = CreateSut(new ExtractionOptions { PoolSize = 1, CpuBudgetSeconds = 60 });
        await sut.ExtractAsync(Benign, CancellationToken.None);
        var pid = Assert.Single(sut.State.ProcessIds);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sut.ExtractAsync(new ExtractionJob("pdf", HostileDocuments.PagesCycle(1_500)), cancel.Token).AsTask());

        AssertGone(pid);
        Assert.Empty(sut.State.ProcessIds);
        await AssertServesAgainAsync(sut, pid);
    }

    [Fact]
    public async Task ExtractAsync_OneJobCancelled_LeavesTheOtherJobsProcessAlone()
    {
        using var sut = CreateSut(new ExtractionOptions { PoolSize = 2, CpuBudgetSeconds = 3 });
        var endless = new ExtractionJob("pdf", HostileDocuments.PagesCycle(1_500));
        var other = sut.ExtractAsync(endless, CancellationToken.None).AsTask();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.ExtractAsync(endless, cancel.Token).AsTask());
        var result = await other;

        // The other job ran on until its own budget: it was not killed with the cancelled one.
        Assert.Equal(ArticleErrorCodes.DocumentTooComplex, result.Error?.Code);
        Assert.Equal((1, 0), (sut.State.CpuKills, sut.State.Crashes));
    }

    [Fact]
    public async Task ExtractAsync_ExtractorMissing_ThrowsUnavailableAndSaysSo()
    {
        using var sut = CreateSut(new ExtractionOptions { ExtractorPath = Path.Combine(Path.GetTempPath(), "no-such-extractor.dll") });

        var error = await Assert.ThrowsAsync<ExtractorUnavailableException>(() => sut.ExtractAsync(Benign, CancellationToken.None).AsTask());

        Assert.Contains("Extraction__ExtractorPath", error.Message, StringComparison.Ordinal);
        Assert.Equal("unavailable", sut.State.Status);
    }

    [Fact]
    public async Task Dispose_WithWarmProcesses_LeavesNoneRunning()
    {
        var sut = CreateSut(new ExtractionOptions { PoolSize = 2 });
        await Task.WhenAll(sut.ExtractAsync(Benign, CancellationToken.None).AsTask(), sut.ExtractAsync(Benign, CancellationToken.None).AsTask());
        var pids = sut.State.ProcessIds;

        sut.Dispose();

        Assert.NotEmpty(pids);
        Assert.All(pids, AssertGone);
    }

    [Fact]
    public async Task ExtractAsync_ManyJobsAtOnce_RunAtMostPoolSizeProcesses()
    {
        using var sut = CreateSut(new ExtractionOptions { PoolSize = 2 });

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => sut.ExtractAsync(Benign, CancellationToken.None).AsTask()));

        Assert.All(results, r => Assert.True(r.IsExtracted, r.Error?.Message));
        Assert.InRange(sut.State.ProcessIds.Count, 1, 2);
        Assert.Equal(12, sut.State.Jobs);
    }

    /// <summary>Each of the audit's documents, alone: a rejection, never a host failure, and the pool serves on.</summary>
    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task ExtractAsync_HostileDocument_EndsInARejection(string name)
    {
        using var sut = CreateSut(new ExtractionOptions { PoolSize = 1, CpuBudgetSeconds = 5, MemoryLimitMegabytes = 512 });
        var content = HostileDocuments.All.Single(d => d.Name == name).Content;
        var format = Path.GetExtension(name) switch { ".pdf" => "pdf", ".docx" => "docx", ".md" => "markdown", _ => "html" };
        var started = Stopwatch.GetTimestamp();

        var result = await sut.ExtractAsync(new ExtractionJob(format, content), CancellationToken.None);

        output.WriteLine($"{name} ({content.Length:N0} bytes): {result.Error?.Code ?? "ok"} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; {result.Error?.Message}");
        Assert.False(result.IsExtracted, $"{name} was read as {result.Text?.Length} characters.");
        Assert.Contains(result.Error.Code, HostileDocuments.SandboxCodes);
        var after = await sut.ExtractAsync(Benign, CancellationToken.None);
        Assert.True(after.IsExtracted, after.Error?.Message);
    }

    public static TheoryData<string> HostileNames => new(HostileDocuments.All.Select(d => d.Name));

    private static ExtractorPool CreateSut(ExtractionOptions? options = null) => new(Options.Create(options ?? new ExtractionOptions { PoolSize = 1 }));

    private static ExtractionJob Html(string html) => new("html", Encoding.UTF8.GetBytes(html));

    private static void AssertGone(int pid) => Assert.True(ProcessState.HasEnded(pid), $"Extractor process {pid} is still running.");

    private static async Task AssertServesAgainAsync(ExtractorPool sut, int oldPid)
    {
        var result = await sut.ExtractAsync(Benign, CancellationToken.None);
        Assert.True(result.IsExtracted, result.Error?.Message);
        Assert.DoesNotContain(oldPid, sut.State.ProcessIds);
    }
}
