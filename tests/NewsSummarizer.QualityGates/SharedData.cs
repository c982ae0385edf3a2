namespace NewsSummarizer.QualityGates;

/// <summary>Finds the shared evaluation data: <c>&lt;repo&gt;/../shared/data</c>, found by walking up from the test
/// assembly. The gates fail, never skip, without it: a silently skipped gate is a gate that is not there.</summary>
internal static class SharedData
{
    public static string Directory(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"The evaluation data 'shared/data/{name}' was not found in any folder above {AppContext.BaseDirectory}. "
            + "The quality gates need the shared data beside the repository (<repo>/../shared/data/" + name + ").");
    }
}
