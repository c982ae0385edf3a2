using System.Diagnostics;
using NewsSummarizer.Articles.Extraction;

namespace NewsSummarizer.IntegrationTests.Extraction;

/// <summary><see cref="ProcessSample"/> is how the host watches an extractor's CPU and memory while a job runs. An
/// extractor that ends on its own (over its CPU budget, or crashing) must not turn that watch into an exception: a CI
/// run failed on exactly this, the runtime throwing Win32Exception from TotalProcessorTime for a child that ended
/// between its has-exited check and its read of /proc.</summary>
public sealed class ProcessSampleTests
{
    [Fact]
    public void Of_RunningProcess_ReportsItsCpuAndResidentMemory()
    {
        using var process = Start("sleep 30");
        try
        {
            var sample = ProcessSample.Of(process);

            Assert.NotNull(sample);
            Assert.True(sample.Value.ResidentBytes > 0);
            Assert.True(sample.Value.CpuTime >= TimeSpan.Zero);
            Assert.NotNull(ProcessSample.CpuTimeOf(process));
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    [Fact]
    public void Of_ProcessEndingWhileSampled_ReturnsNullAndNeverThrows()
    {
        // Sampling as fast as possible while short processes end hits the window between the two checks in a few
        // percent of ends on these machines; 300 ends make a miss practically certain if the window is not handled.
        for (var i = 0; i < 300; i++)
        {
            using var process = Start("i=0; while [ $i -lt 200 ]; do i=$((i+1)); done");
            while (ProcessSample.Of(process) is not null && ProcessSample.CpuTimeOf(process) is not null)
            {
            }

            process.WaitForExit();
            Assert.Null(ProcessSample.Of(process));
            Assert.Null(ProcessSample.CpuTimeOf(process));
        }
    }

    private static Process Start(string script) =>
        Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { UseShellExecute = false })
        ?? throw new InvalidOperationException("/bin/sh did not start.");
}
