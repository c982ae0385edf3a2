namespace NewsSummarizer.Summarization;

/// <summary>A text in Arabic and English; a language a provider could not produce is <c>null</c>.</summary>
public sealed record LocalizedText(string? Ar, string? En);
