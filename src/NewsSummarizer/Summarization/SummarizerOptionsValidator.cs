using Microsoft.Extensions.Options;

namespace NewsSummarizer.Summarization;

/// <summary>Cross-section rules: the chosen provider must have what it needs, with a message that says what to set.</summary>
internal sealed class SummarizerOptionsValidator(IOptions<AzureOpenAIOptions> azure, IOptions<OpenAIOptions> openAI)
    : IValidateOptions<SummarizerOptions>
{
    public ValidateOptionsResult Validate(string? name, SummarizerOptions options)
    {
        var failures = new List<string>();
        if (options.ModelTotalTimeout < options.ModelAttemptTimeout)
        {
            failures.Add("Summarizer__ModelTotalTimeout must be at least Summarizer__ModelAttemptTimeout.");
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
                        "(e.g. gpt-4o-mini, or llama3.1 for Ollama).");
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
