namespace NewsSummarizer.Summarization;

/// <summary>A text in Arabic and English; a language a provider could not produce is <c>null</c>.</summary>
public sealed record LocalizedText(string? Ar, string? En);

/// <summary>Lists in Arabic and English; a language a provider could not produce is empty.</summary>
public sealed record LocalizedList(IReadOnlyList<string> Ar, IReadOnlyList<string> En)
{
    public static LocalizedList Empty { get; } = new([], []);
}

/// <summary>What the provider used and spent.</summary>
public sealed record ModelUsage(string Provider, string Model, string PromptVersion, int? InputTokens, int? OutputTokens);

/// <summary>What a summariser produced for one article.</summary>
/// <param name="Unavailable">Languages (<c>ar</c>, <c>en</c>) the provider could not produce.</param>
/// <param name="UnavailableReason">Why, and which setting enables them; <c>null</c> when nothing is missing.</param>
public sealed record SummaryContent(
    LocalizedText Title,
    LocalizedText Summary,
    LocalizedList KeyPoints,
    ModelUsage Model,
    IReadOnlyList<string> Unavailable,
    string? UnavailableReason);
