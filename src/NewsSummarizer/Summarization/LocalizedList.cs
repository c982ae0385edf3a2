namespace NewsSummarizer.Summarization;

/// <summary>Lists in Arabic and English; a language a provider could not produce is empty.</summary>
public sealed record LocalizedList(IReadOnlyList<string> Ar, IReadOnlyList<string> En)
{
    public static LocalizedList Empty { get; } = new([], []);
}
