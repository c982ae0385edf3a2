using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles.Documents;

using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Extraction;

/// <summary>A small pool of warm extractor processes: every HTML, Markdown, Word and PDF article is parsed in one of
/// them, never in the host. A process killed at a limit, or one that crashes, becomes the article's final
/// rejection and is replaced; the host keeps serving.</summary>
/// <remarks>Modelled on Apache Tika's ForkParser and tika-server's watchdog: warm children fed over a pipe, a
/// budget per job, restart on timeout, out-of-memory or crash, recycling after a number of jobs.</remarks>
public sealed partial class ExtractorPool : IArticleExtractor, IDisposable
{
    private readonly ExtractionOptions options;
    private readonly ILogger logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentQueue<ExtractorProcess> idle = new();
    private readonly ConcurrentDictionary<int, ExtractorProcess> live = new();
    private readonly Meter? meter;
    private readonly Counter<long>? jobsCounter;
    private readonly Counter<long>? killsCounter;
    private readonly Counter<long>? restartsCounter;
    private long jobs;
    private long cpuKills;
    private long memoryKills;
    private long wallClockKills;
    private long crashes;
    private long restarts;
    private long started;
    private volatile string? unavailable;
    private volatile bool disposed;

    public ExtractorPool(IOptions<ExtractionOptions> options, ILogger<ExtractorPool>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger ?? NullLogger<ExtractorPool>.Instance;
        slots = new SemaphoreSlim(this.options.EffectivePoolSize);
        if (meterFactory is not null)
        {
            meter = meterFactory.Create(Telemetry.SummarizerTelemetry.Name);
            jobsCounter = meter.CreateCounter<long>("newsum.extractor.jobs", description: "Documents handed to an extractor process.");
            killsCounter = meter.CreateCounter<long>("newsum.extractor.kills", description: "Extractor processes killed or crashed, by cause.");
            restartsCounter = meter.CreateCounter<long>("newsum.extractor.restarts", description: "Extractor processes started to replace one that ended.");
        }
    }

    /// <summary>What the pool has done so far, for <c>/api/health</c> and the tests.</summary>
    public ExtractorPoolState State => new(
        unavailable is not null ? "unavailable" : Interlocked.Read(ref started) > 0 ? "ready" : "idle",
        options.EffectivePoolSize,
        live.Count,
        options.EffectivePoolSize - slots.CurrentCount,
        Interlocked.Read(ref jobs),
        Interlocked.Read(ref cpuKills),
        Interlocked.Read(ref memoryKills),
        Interlocked.Read(ref wallClockKills),
        Interlocked.Read(ref crashes),
        Interlocked.Read(ref restarts),
        [.. live.Keys]);

    public async ValueTask<FormatExtraction> ExtractAsync(ExtractionJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        ExtractorProcess? process = null;
        try
        {
            process = Take();
            Interlocked.Increment(ref jobs);
            jobsCounter?.Add(1);
            var outcome = await process.RunAsync(job, options, cancellationToken).ConfigureAwait(false);
            if (outcome.Extraction is { } extraction)
            {
                Return(process);
                return extraction;
            }

            Retire(process);
            Replace();
            return Record(job, process.Id, outcome);
        }
        catch (OperationCanceledException) when (process is not null)
        {
            // The job's process was killed mid-job; the next job starts a fresh one.
            Retire(process);
            throw;
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose()
    {
        disposed = true;
        foreach (var process in live.Values)
        {
            process.Dispose();
        }

        live.Clear();
        idle.Clear();
        meter?.Dispose();
        slots.Dispose();
    }

    private ExtractorProcess Take()
    {
        while (idle.TryDequeue(out var process))
        {
            if (live.ContainsKey(process.Id))
            {
                return process;
            }
        }

        return StartProcess();
    }

    private ExtractorProcess StartProcess()
    {
        try
        {
            var process = ExtractorProcess.Start(options);
            live[process.Id] = process;
            Interlocked.Increment(ref started);
            unavailable = null;
            return process;
        }
        catch (ExtractorUnavailableException exception)
        {
            unavailable = exception.Message;
            LogUnavailable(logger, exception, exception.Message);
            throw;
        }
    }

    private void Return(ExtractorProcess process)
    {
        if (disposed || process.Jobs >= options.MaxJobsPerProcess)
        {
            Retire(process);
            return;
        }

        idle.Enqueue(process);
    }

    private void Retire(ExtractorProcess process)
    {
        live.TryRemove(process.Id, out _);
        process.Dispose();
    }

    /// <summary>Starts a fresh process in the background, so the next article finds one warm.</summary>
    private void Replace()
    {
        Interlocked.Increment(ref restarts);
        restartsCounter?.Add(1);
        _ = Task.Run(() =>
        {
            try
            {
                if (!disposed && live.Count < options.EffectivePoolSize)
                {
                    idle.Enqueue(StartProcess());
                }
            }
            catch (ExtractorUnavailableException)
            {
                // Logged by StartProcess; the next job tries again and reports it.
            }
        });
    }

    private FormatExtraction Record(ExtractionJob job, int processId, ExtractorOutcome outcome)
    {
        var format = InProcessExtractor.FormatName(job);
        var budget = options.CpuBudgetSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        switch (outcome.Kill)
        {
            case ExtractorKill.CpuBudget:
                Count(ref cpuKills, "cpu-budget");
                LogKilled(logger, processId, format, "its CPU budget", budget + " s");
                return TooComplex(job, $"reading it used more than {budget} s of CPU, the limit for one article");
            case ExtractorKill.WallClock:
                Count(ref wallClockKills, "wall-clock");
                LogKilled(logger, processId, format, "its wall-clock budget", options.WallClockBudget.TotalSeconds + " s");
                return TooComplex(job, $"reading it took longer than {options.WallClockBudget.TotalSeconds:N0} s without finishing");
            case ExtractorKill.MemoryLimit:
                Count(ref memoryKills, "memory-limit");
                LogKilled(logger, processId, format, "its memory limit", options.MemoryLimitMegabytes + " MiB");
                return FormatExtraction.Rejected(
                    ArticleErrorCodes.TooLargeInMemory,
                    $"Reading the {format} document needs more than {options.MemoryLimitMegabytes:N0} MiB of memory, the limit for one article " +
                    "(setting Extraction__MemoryLimitMegabytes). Upload the article's text, or a smaller or simpler document.");
            default:
                Count(ref crashes, "crash");
                LogCrashed(logger, processId, format, outcome.ExitCode, outcome.Stderr);
                return FormatExtraction.Rejected(
                    ArticleErrorCodes.ExtractionCrashed,
                    $"The {format} reader ended abnormally on this document (exit code {outcome.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}). " +
                    "Upload the article's text, or save the document again from the program that made it.");
        }
    }

    private static FormatExtraction TooComplex(ExtractionJob job, string why) => job.IsDocument
        ? DocumentFailure.TooComplex(why)
        : FormatExtraction.Rejected(
            ArticleErrorCodes.TooComplex,
            $"The {InProcessExtractor.FormatName(job)} document is too complex to read: {why}. Upload the article's text, or a simpler document.");

    private void Count(ref long field, string cause)
    {
        Interlocked.Increment(ref field);
        killsCounter?.Add(1, new KeyValuePair<string, object?>("cause", cause));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extractor process {ProcessId} reading a {Format} document was killed at {Limit} ({Value}); the article is rejected and the process replaced")]
    private static partial void LogKilled(ILogger logger, int processId, string format, string limit, string value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extractor process {ProcessId} ended with exit code {ExitCode} while reading a {Format} document; the article is rejected and the process replaced. Its last output: {Stderr}")]
    private static partial void LogCrashed(ILogger logger, int processId, string format, int? exitCode, string? stderr);

    [LoggerMessage(Level = LogLevel.Error, Message = "No extractor process could be started: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string reason);
}

/// <summary>A snapshot of <see cref="ExtractorPool"/>: its status (<c>idle</c> before the first document, <c>ready</c>
/// once a process has started, <c>unavailable</c> while none can be), size, processes
/// alive and busy, and counts of jobs, kills by cause, crashes and replacements.</summary>
public sealed record ExtractorPoolState(
    string Status,
    int Size,
    int Running,
    int Busy,
    long Jobs,
    long CpuKills,
    long MemoryKills,
    long WallClockKills,
    long Crashes,
    long Restarts,
    IReadOnlyList<int> ProcessIds);
