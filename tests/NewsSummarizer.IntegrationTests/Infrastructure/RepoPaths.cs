using System.Reflection;

namespace NewsSummarizer.IntegrationTests.Infrastructure;

/// <summary>Where the repository is: the build records it, so tests find node_modules and seeds from any directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepoRoot").Value!;

    public static string Seeds => Path.Combine(Root, "seeds");
}
