namespace NewsSummarizer.Testing;

/// <summary>The sample articles tests and benchmarks use: the repository's seeds, read by path (never copied), and one
/// short English text.</summary>
public static class SampleArticles
{
    /// <summary>The Arabic seed article (the canned replies summarise it).</summary>
    public static string ArabicSeedPath => Path.Combine(RepoPaths.Seeds, "000_1c7e991db8deae7e.txt");

    /// <summary>The English seed article, a title line, a blank line and the body.</summary>
    public static string EnglishSeedPath => Path.Combine(RepoPaths.Seeds, "001_city_water_plan.txt");

    /// <summary>A short English news text (three sentences, two paragraphs) for requests and uploads that only need
    /// an acceptable article.</summary>
    public const string ShortEnglish =
        "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent. " +
        "The mayor said the money will pay for more buses and longer opening hours at the central station.\n\n" +
        "Opposition members argued that the plan does not explain how the extra costs will be covered next year.";

    public static string ArabicSeed => File.ReadAllText(ArabicSeedPath);

    public static byte[] ArabicSeedUtf8 => File.ReadAllBytes(ArabicSeedPath);

    public static string EnglishSeed => File.ReadAllText(EnglishSeedPath);
}
