using NewsSummarizer.Testing;

namespace NewsSummarizer.QualityGates;

/// <summary>The shared evaluation data beside the repository (<see cref="RepoPaths.SharedData"/>). The gates fail,
/// never skip, without it: a silently skipped gate is a gate that is not there.</summary>
internal static class SharedData
{
    public static string Directory(string name) => RepoPaths.SharedData(name);
}
