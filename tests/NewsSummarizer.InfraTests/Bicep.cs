using System.Reflection;

namespace NewsSummarizer.InfraTests;

/// <summary>The bicep CLI shipped by the Azure.Bicep.CommandLine.linux-x64 package.</summary>
internal static class Bicep
{
    public static string ExecutablePath { get; } = Locate();

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(ExecutablePath, arguments);

    private static string Locate()
    {
        // Set at build time from the package's $(BicepPath); a missing binary must fail, never skip.
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"bicep binary not found (BicepPath='{path}'). Restore tests/NewsSummarizer.InfraTests: it "
                + "references the Azure.Bicep.CommandLine.linux-x64 package, which ships the binary.");
        }

        // Some NuGet clients extract the binary without its execute bit.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }
}
