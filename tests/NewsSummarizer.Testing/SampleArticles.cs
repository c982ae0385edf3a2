namespace NewsSummarizer.Testing;

/// <summary>The sample articles tests and benchmarks read: the repository's seeds, by path (never copied).</summary>
public static class SampleArticles
{
    /// <summary>The Arabic seed article (the canned replies summarise it).</summary>
    public static string ArabicSeedPath => Path.Combine(RepoPaths.Seeds, "000_1c7e991db8deae7e.txt");

    /// <summary>The English seed article, a title line, a blank line and the body.</summary>
    public static string EnglishSeedPath => Path.Combine(RepoPaths.Seeds, "001_city_water_plan.txt");

    public static string ArabicSeed => File.ReadAllText(ArabicSeedPath);

    public static byte[] ArabicSeedUtf8 => File.ReadAllBytes(ArabicSeedPath);

    public static string EnglishSeed => File.ReadAllText(EnglishSeedPath);
}
