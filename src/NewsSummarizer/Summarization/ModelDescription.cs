using NewsSummarizer.Summarization.Chat;

namespace NewsSummarizer.Summarization;

/// <summary>The model as configured, for <c>GET /api/health</c> and <c>newsum doctor</c>: provider, model or
/// deployment, endpoint host and the request settings. Never a key or a connection string.</summary>
public sealed record ModelDescription(
    ModelProvider Provider,
    string? Model,
    string? Endpoint,
    string? ReasoningEffort,
    float? Temperature,
    int MaxOutputTokens,
    int MaxInputTokens,
    int TokensPerMinute,
    string? Authentication)
{
    public static ModelDescription From(SummarizerOptions summarizer, AzureOpenAIOptions azure, OpenAIOptions openAI)
    {
        ArgumentNullException.ThrowIfNull(summarizer);
        ArgumentNullException.ThrowIfNull(azure);
        ArgumentNullException.ThrowIfNull(openAI);
        var (model, endpoint, authentication) = summarizer.Provider switch
        {
            SummarizerProvider.AzureOpenAI => (
                azure.Deployment,
                azure.Endpoint is null ? null : ModelClientFactory.HostOf(azure.Endpoint),
                string.IsNullOrWhiteSpace(azure.ApiKey) ? "Microsoft Entra ID (DefaultAzureCredential)" : "API key"),
            SummarizerProvider.OpenAI => (
                openAI.Model,
                ModelClientFactory.HostOf(openAI.Endpoint ?? new Uri("https://api.openai.com/v1")),
                string.IsNullOrWhiteSpace(openAI.ApiKey) ? "none" : "API key"),
            _ => ((string?)null, (string?)null, (string?)null),
        };
        var usesModel = summarizer.Provider != SummarizerProvider.Extractive;
        return new ModelDescription(
            ModelProvider.From(summarizer.Provider),
            model,
            endpoint,
            usesModel ? summarizer.ReasoningEffort : null,
            usesModel ? summarizer.Temperature : null,
            summarizer.MaxOutputTokens,
            summarizer.MaxInputTokens,
            summarizer.TokensPerMinute,
            authentication);
    }
}
