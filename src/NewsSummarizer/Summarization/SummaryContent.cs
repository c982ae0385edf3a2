using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization;

/// <summary>What a summariser produced for one article.</summary>
/// <param name="Unavailable">Languages the provider could not produce.</param>
/// <param name="UnavailableReason">Why, and which setting enables them; <c>null</c> when nothing is missing.</param>
public sealed record SummaryContent(
    LocalizedText Title,
    LocalizedText Summary,
    LocalizedList KeyPoints,
    ModelUsage Model,
    IReadOnlyList<ArticleLanguage> Unavailable,
    string? UnavailableReason);
