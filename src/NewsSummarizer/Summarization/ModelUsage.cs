namespace NewsSummarizer.Summarization;

/// <summary>What the provider used and spent.</summary>
public sealed record ModelUsage(ModelProvider Provider, string Model, string PromptVersion, int? InputTokens, int? OutputTokens)
{
    /// <summary>For a summariser that names itself as <see cref="ISummarizer.Provider"/> does, by text.</summary>
    internal ModelUsage(string provider, string model, string promptVersion, int? inputTokens, int? outputTokens)
        : this(ModelProvider.Parse(provider), model, promptVersion, inputTokens, outputTokens)
    {
    }
}
