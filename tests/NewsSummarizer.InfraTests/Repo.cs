namespace NewsSummarizer.InfraTests;

/// <summary>Paths inside the repository, found from the test output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsSummarizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NewsSummarizer.sln not found above {AppContext.BaseDirectory}.");
    }
}
