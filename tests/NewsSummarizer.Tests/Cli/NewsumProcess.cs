using System.Diagnostics;

namespace NewsSummarizer.Tests.Cli;

/// <summary>Runs the built <c>newsum</c> as its own process, so a crash (a stack overflow, say) fails the test that
/// caused it instead of killing the test run.</summary>
internal static class NewsumProcess
{
    public static Task<(int ExitCode, string Log)> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    /// <param name="environment">Settings for the process (for example <c>Extraction__CpuBudgetSeconds</c>).</param>
    public static async Task<(int ExitCode, string Log)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsum.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
