using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Microsoft.Extensions.AI;
using OpenAI;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Builds the <see cref="IChatClient"/> of the configured provider over our resilient HttpClient.
/// The SDK's own retries are off: the resilience handler owns the whole retry budget.</summary>
internal static class ModelClientFactory
{
    public static (IChatClient Client, ChatModelInfo Info) Create(
        SummarizerOptions summarizer, AzureOpenAIOptions azure, OpenAIOptions openAI, HttpClient httpClient, Func<TokenCredential> credential)
    {
        var transport = new HttpClientPipelineTransport(httpClient);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);
        switch (summarizer.Provider)
        {
            case SummarizerProvider.AzureOpenAI:
            {
                var options = new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = summarizer.ModelTotalTimeout };
                var client = string.IsNullOrWhiteSpace(azure.ApiKey)
                    ? new AzureOpenAIClient(azure.Endpoint!, credential(), options)
                    : new AzureOpenAIClient(azure.Endpoint!, new ApiKeyCredential(azure.ApiKey), options);
                return (client.GetChatClient(azure.Deployment!).AsIChatClient(), new ChatModelInfo("AzureOpenAI", azure.Deployment!));
            }

            case SummarizerProvider.OpenAI:
            {
                var options = new OpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = summarizer.ModelTotalTimeout };
                if (openAI.Endpoint is not null)
                {
                    options.Endpoint = openAI.Endpoint;
                }

                // Local servers such as Ollama ignore the key, but the SDK requires one.
                var key = string.IsNullOrWhiteSpace(openAI.ApiKey) ? "unused" : openAI.ApiKey;
                var client = new OpenAIClient(new ApiKeyCredential(key), options);
                return (client.GetChatClient(openAI.Model!).AsIChatClient(), new ChatModelInfo("OpenAI", openAI.Model!));
            }

            default:
                throw new InvalidOperationException($"Provider {summarizer.Provider} does not use a chat model.");
        }
    }
}
