using Microsoft.Extensions.Options;

namespace NewsSummarizer.Summarization;

/// <summary>Cross-section rules: the chosen provider must have what it needs, with a message that says what to set.</summary>
internal sealed class SummarizerOptionsValidator(IOptions<AzureOpenAIOptions> azure, IOptions<OpenAIOptions> openAI)
    : IValidateOptions<SummarizerOptions>
{
    /// <summary>The values of <c>reasoning_effort</c> the OpenAI API documents (its ReasoningEffort schema:
    /// "none, minimal, low, medium, high, and xhigh"). Each model accepts a subset (gpt-5-mini: minimal to high;
    /// gpt-5.1 and later: none, low, medium, high, xhigh), and a model that refuses the value answers 400, which
    /// the service reports as model-rejected-request naming this setting.</summary>
    public static readonly string[] ReasoningEfforts = ["none", "minimal", "low", "medium", "high", "xhigh"];

    public ValidateOptionsResult Validate(string? name, SummarizerOptions options)
    {
        var failures = new List<string>();
        if (options.ModelTotalTimeout < options.ModelAttemptTimeout)
        {
            failures.Add("Summarizer__ModelTotalTimeout must be at least Summarizer__ModelAttemptTimeout.");
        }

        if (options.ReasoningEffort is { } effort && !ReasoningEfforts.Contains(effort, StringComparer.Ordinal))
        {
            failures.Add($"Summarizer__ReasoningEffort '{effort}' is not one of {string.Join(", ", ReasoningEfforts)}. " +
                "Leave it unset for models that do not reason (it is then not sent).");
        }

        if (options.TokensPerMinute > 0 && options.TokensPerMinute < options.MaxOutputTokens)
        {
            failures.Add($"Summarizer__TokensPerMinute ({options.TokensPerMinute}) is below Summarizer__MaxOutputTokens " +
                $"({options.MaxOutputTokens}), so not one call fits in a minute. Raise it to the deployment's quota per instance, or set 0 for no budget.");
        }

        switch (options.Provider)
        {
            case SummarizerProvider.AzureOpenAI:
                if (azure.Value.Endpoint is null)
                {
                    failures.Add("Summarizer__Provider is AzureOpenAI but AzureOpenAI__Endpoint is not set. " +
                        "Set it to your resource's endpoint, e.g. https://<resource>.openai.azure.com/.");
                }

                if (string.IsNullOrWhiteSpace(azure.Value.Deployment))
                {
                    failures.Add("Summarizer__Provider is AzureOpenAI but AzureOpenAI__Deployment is not set. " +
                        "Set it to the name of your chat model deployment.");
                }

                break;
            case SummarizerProvider.OpenAI:
                if (string.IsNullOrWhiteSpace(openAI.Value.Model))
                {
                    failures.Add("Summarizer__Provider is OpenAI but OpenAI__Model is not set. Set it to a chat model name " +
                        "(e.g. gpt-5-mini, or llama3.1 for Ollama).");
                }

                if (openAI.Value.Endpoint is null && string.IsNullOrWhiteSpace(openAI.Value.ApiKey))
                {
                    failures.Add("Summarizer__Provider is OpenAI with the default endpoint but OpenAI__ApiKey is not set. " +
                        "Set OpenAI__ApiKey, or OpenAI__Endpoint for a local server such as Ollama.");
                }

                break;
            case SummarizerProvider.Extractive:
                break;
            default:
                failures.Add($"Summarizer__Provider '{options.Provider}' is unknown. Use Extractive, AzureOpenAI or OpenAI.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
