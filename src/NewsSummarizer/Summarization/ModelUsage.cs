namespace NewsSummarizer.Summarization;

/// <summary>What the provider used and spent.</summary>
public sealed record ModelUsage(ModelProvider Provider, string Model, string PromptVersion, int? InputTokens, int? OutputTokens);
