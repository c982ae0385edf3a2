using System.Reflection;

namespace NewsSummarizer.Testing;

/// <summary>Where the repository is: the build records it in this assembly, so tests and benchmarks find node_modules,
/// seeds and docs from any directory (BenchmarkDotNet runs a generated copy far from the project's output).</summary>
public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepoRoot").Value!;

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>A path inside the repository, from a relative one such as <c>infra/main.bicep</c>.</summary>
    public static string Of(string relative) => Path.Combine(Root, relative);

    public static string ReadText(string relative) => File.ReadAllText(Of(relative));

    /// <summary>The shared evaluation data beside the repository (<c>&lt;repo&gt;/../shared/data/name</c>); it is never
    /// copied in. Throws when it is missing: a gate that skips silently is a gate that is not there.</summary>
    public static string SharedData(string name)
    {
        var directory = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", name));
        return Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException(
                $"The evaluation data 'shared/data/{name}' was not found at {directory}. "
                + "It must sit beside the repository (<repo>/../shared/data/" + name + ").");
    }
}
