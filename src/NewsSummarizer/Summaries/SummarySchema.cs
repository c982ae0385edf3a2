namespace NewsSummarizer.Summaries;

/// <summary>The published JSON Schema of <see cref="SummaryDocument"/>.</summary>
public static class SummarySchema
{
    public static string Text { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(SummarySchema).Assembly.GetManifestResourceStream("NewsSummarizer.summary.schema.json")
            ?? throw new InvalidOperationException("The embedded summary schema is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
