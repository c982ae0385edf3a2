using System.Diagnostics;
using System.Globalization;
using NewsSummarizer.Articles.Documents;

namespace NewsSummarizer.Articles.Extraction;

/// <summary>The extractor process's loop: reads jobs from standard input, runs each through
/// <see cref="InProcessExtractor.Run"/> and writes the reply to standard output, until the input ends.</summary>
/// <remarks>The host kills the process at the CPU budget or the memory limit. Two guards of its own cover a host
/// that can no longer do that: a job that outlives twice the budget ends the process, and so does the host's exit.</remarks>
public static class ExtractorWorker
{
    /// <summary>Exit codes the host tells apart (anything else is a crash: a stack overflow aborts with 134).</summary>
    public static class ExitCodes
    {
        public const int InputEnded = 0;
        public const int BadArguments = 2;
        public const int OutOfMemory = 3;
        public const int OverBudget = 4;
        public const int HostGone = 5;
    }

    // The parsers recurse per nesting level; the pre-scans keep depth far below what this survives. One thread for
    // the process's whole life, not one per job.
    private const int StackBytes = 64 * 1024 * 1024;

    private static readonly TimeSpan GuardInterval = TimeSpan.FromMilliseconds(500);

    /// <param name="args"><c>--host-pid N --cpu-budget-seconds S</c>, as <see cref="ExtractorProcess"/> passes them.</param>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!TryParse(args, out var hostPid, out var budget))
        {
            Console.Error.WriteLine("usage: NewsSummarizer.Extractor --host-pid <pid> --cpu-budget-seconds <seconds>");
            return ExitCodes.BadArguments;
        }

        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();

        // A library that prints must not corrupt the replies: the console goes to standard error.
        Console.SetOut(Console.Error);

        var jobStarted = new JobClock();
        var guard = new Thread(() => Guard(hostPid, budget, jobStarted)) { IsBackground = true, Name = "extractor guard" };
        guard.Start();

        var exitCode = ExitCodes.InputEnded;
        var loop = new Thread(() => exitCode = Serve(input, output, jobStarted), StackBytes) { Name = "extractor" };
        loop.Start();
        loop.Join();
        return exitCode;
    }

    private static int Serve(Stream input, Stream output, JobClock clock)
    {
        while (ExtractorProtocol.ReadJob(input) is { } job)
        {
            clock.Start();
            ExtractionReply reply;
            try
            {
                reply = ExtractionReply.From(InProcessExtractor.Run(job, DocumentLimits.Default));
            }
            catch (OutOfMemoryException)
            {
                // The heap's hard limit: say so, then leave, so that nothing half-collected serves the next job.
                ExtractorProtocol.WriteReply(output, new ExtractionReply(null, null, null, null, null, null, null, OutOfMemory: true));
                return ExitCodes.OutOfMemory;
            }

            clock.Stop();
            ExtractorProtocol.WriteReply(output, reply);
        }

        return ExitCodes.InputEnded;
    }

    /// <summary>Ends the process when the host has gone, or when a job has spent twice its CPU budget (the host
    /// kills at once; this is for a host that cannot).</summary>
    private static void Guard(int hostPid, TimeSpan budget, JobClock clock)
    {
        using var self = Process.GetCurrentProcess();
        while (true)
        {
            Thread.Sleep(GuardInterval);
            if (!IsAlive(hostPid))
            {
                Environment.Exit(ExitCodes.HostGone);
            }

            self.Refresh();
            if (clock.CpuAtStart is { } start && self.TotalProcessorTime - start > budget * 2)
            {
                Environment.Exit(ExitCodes.OverBudget);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var host = Process.GetProcessById(pid);
            return !host.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool TryParse(string[] args, out int hostPid, out TimeSpan budget)
    {
        hostPid = 0;
        budget = TimeSpan.Zero;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--host-pid" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid):
                    hostPid = pid;
                    break;
                case "--cpu-budget-seconds" when double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    budget = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    return false;
            }
        }

        return hostPid > 0 && budget > TimeSpan.Zero;
    }

    /// <summary>The process's CPU time when the running job started; <c>null</c> between jobs.</summary>
    private sealed class JobClock
    {
        private long startTicks = -1;

        public TimeSpan? CpuAtStart => Interlocked.Read(ref startTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

        public void Start()
        {
            using var self = Process.GetCurrentProcess();
            Interlocked.Exchange(ref startTicks, self.TotalProcessorTime.Ticks);
        }

        public void Stop() => Interlocked.Exchange(ref startTicks, -1);
    }
}
