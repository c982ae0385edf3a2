using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Extraction;

/// <summary>One extractor process, seen from the host: starts it, hands it one job at a time and watches the job's
/// CPU time, the process's resident memory and the wall clock, killing the process at any limit.</summary>
internal sealed class ExtractorProcess : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // Only what the runtime needs: the process reads untrusted documents and is given no secret of the host's.
    private static readonly string[] InheritedVariables = ["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "LC_ALL", "DOTNET_ROOT", "SystemRoot"];

    private readonly Process process;
    private readonly StringBuilder stderrTail = new();

    private ExtractorProcess(Process process)
    {
        this.process = process;
        Id = process.Id;
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginErrorReadLine();
    }

    public int Id { get; }

    public int Jobs { get; private set; }

    public static ExtractorProcess Start(ExtractionOptions options)
    {
        var path = Path.GetFullPath(options.ExtractorPath ?? Path.Combine(AppContext.BaseDirectory, "NewsSummarizer.Extractor.dll"));
        if (!File.Exists(path))
        {
            throw new ExtractorUnavailableException(
                $"The document extractor {path} is missing. It ships in every host's build output (the NewsSummarizer.Extractor project); " +
                "deploy it beside the app, or set Extraction__ExtractorPath.");
        }

        var start = new ProcessStartInfo(DotnetHost(), [path,
            "--host-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            "--cpu-budget-seconds", options.CpuBudgetSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment.Clear();
        foreach (var name in InheritedVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + options.HeapHardLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        try
        {
            return new ExtractorProcess(Process.Start(start) ?? throw new ExtractorUnavailableException($"The document extractor {path} did not start."));
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ExtractorUnavailableException($"The document extractor could not be started ({exception.Message}).", exception);
        }
    }

    /// <summary>Runs one job. The process is dead after any outcome but <see cref="ExtractorOutcome.Completed"/>; on
    /// cancellation it is killed (its job's state is unknown) and the cancellation is thrown.</summary>
    public async Task<ExtractorOutcome> RunAsync(ExtractionJob job, ExtractionOptions options, CancellationToken cancellationToken)
    {
        Jobs++;
        var cpuAtStart = ProcessSample.CpuTimeOf(process) ?? TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        using var abandon = new CancellationTokenSource();
        var exchange = ExchangeAsync(job, abandon.Token);
        while (true)
        {
            try
            {
                await Task.WhenAny(exchange, Task.Delay(PollInterval, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Kill();
                await abandon.CancelAsync().ConfigureAwait(false);
                Observe(exchange);
                throw;
            }

            if (exchange.IsCompleted)
            {
                return await OutcomeOfAsync(exchange).ConfigureAwait(false);
            }

            // A process that is gone has no figures; its broken pipe ends the exchange on the next poll.
            var sample = ProcessSample.Of(process);
            var cause = sample?.CpuTime - cpuAtStart > options.CpuBudget ? ExtractorKill.CpuBudget
                : sample?.ResidentBytes > options.MemoryLimitBytes ? ExtractorKill.MemoryLimit
                : Stopwatch.GetElapsedTime(started) > options.WallClockBudget ? ExtractorKill.WallClock
                : (ExtractorKill?)null;
            if (cause is { } kill)
            {
                Kill();
                await abandon.CancelAsync().ConfigureAwait(false);
                Observe(exchange);
                return ExtractorOutcome.Killed(kill);
            }
        }
    }

    /// <summary>An abandoned exchange fails once its process is gone; nothing is waiting for it.</summary>
    private static void Observe(Task exchange) =>
        exchange.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private async Task<ExtractionReply> ExchangeAsync(ExtractionJob job, CancellationToken cancellationToken)
    {
        await ExtractorProtocol.WriteJobAsync(process.StandardInput.BaseStream, job, cancellationToken).ConfigureAwait(false);
        return await ExtractorProtocol.ReadReplyAsync(process.StandardOutput.BaseStream, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExtractorOutcome> OutcomeOfAsync(Task<ExtractionReply> exchange)
    {
        try
        {
            var reply = await exchange.ConfigureAwait(false);
            return reply.OutOfMemory ? ExtractorOutcome.Killed(ExtractorKill.MemoryLimit) : ExtractorOutcome.Completed(reply.ToExtraction());
        }
        catch (Exception exception) when (exception is IOException or EndOfStreamException or InvalidDataException or System.Text.Json.JsonException)
        {
            // The pipe broke: the process ended (or wrote something that is not a reply). Its exit code says how.
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(exit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }

            int? exitCode = process.HasExited ? process.ExitCode : null;
            return exitCode == ExtractorWorker.ExitCodes.OverBudget
                ? ExtractorOutcome.Killed(ExtractorKill.CpuBudget)
                : ExtractorOutcome.Crashed(exitCode, await StderrTailAsync().ConfigureAwait(false));
        }
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (stderrTail)
        {
            stderrTail.AppendLine(line);
            if (stderrTail.Length > 4096)
            {
                stderrTail.Remove(0, stderrTail.Length - 4096);
            }
        }
    }

    private async Task<string> StderrTailAsync()
    {
        // The error reader may still be draining the last lines of a process that just died.
        await Task.Delay(50).ConfigureAwait(false);
        lock (stderrTail)
        {
            return stderrTail.ToString().Trim();
        }
    }

    /// <summary>The <c>dotnet</c> host this process runs on (the extractor is a framework-dependent assembly).</summary>
    private static string DotnetHost()
    {
        var executable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self).Equals(executable, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        // shared/Microsoft.NETCore.App/<version>/ sits three levels below the dotnet root.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var beside = Path.Combine(root, executable);
        return File.Exists(beside) ? beside : executable;
    }
}

/// <summary>A child process's CPU time and resident memory as the OS reports them now.</summary>
internal readonly record struct ProcessSample(TimeSpan CpuTime, long ResidentBytes)
{
    /// <summary>The figures, or null once the process has ended.</summary>
    public static ProcessSample? Of(Process process) =>
        Read(process, static p => new ProcessSample(p.TotalProcessorTime, p.WorkingSet64));

    /// <summary>The CPU time alone (the memory figure costs a fuller read of the process's state), or null once the
    /// process has ended.</summary>
    public static TimeSpan? CpuTimeOf(Process process) => Read(process, static p => p.TotalProcessorTime);

    /// <remarks>The process can end, and be reaped, between the runtime's has-exited check (which throws <see
    /// cref="InvalidOperationException"/>) and its read of the process's <c>/proc</c> entry (which then throws <see
    /// cref="System.ComponentModel.Win32Exception"/>).</remarks>
    private static T? Read<T>(Process process, Func<Process, T> read)
        where T : struct
    {
        try
        {
            process.Refresh();
            return read(process);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>Why the host killed an extractor process.</summary>
public enum ExtractorKill
{
    CpuBudget,
    MemoryLimit,
    WallClock,
}

/// <summary>How one job ended: a reply, a kill at a limit, or the process's own end (a crash).</summary>
internal sealed record ExtractorOutcome(FormatExtraction? Extraction, ExtractorKill? Kill, int? ExitCode, string? Stderr)
{
    public static ExtractorOutcome Completed(FormatExtraction extraction) => new(extraction, null, null, null);

    public static ExtractorOutcome Killed(ExtractorKill kill) => new(null, kill, null, null);

    public static ExtractorOutcome Crashed(int? exitCode, string stderr) => new(null, null, exitCode, stderr);
}
