using System.Diagnostics;

namespace NewsSummarizer.Testing;

/// <summary>What the tests ask of a child process (an extractor) by its id.</summary>
public static class ProcessState
{
    /// <summary>Whether no process with this id is running any more.</summary>
    public static bool HasEnded(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
