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
    private static readonly Uri DefaultOpenAIEndpoint = new("https://api.openai.com/v1");

    /// <summary>Host and a non-default port: enough to tell endpoints apart, never a credential or a query.</summary>
    public static string HostOf(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
    }

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
                return (
                    new OpenAIRequestShaper(client.GetChatClient(azure.Deployment!).AsIChatClient(), azure: true),
                    new ChatModelInfo("AzureOpenAI", azure.Deployment!, HostOf(azure.Endpoint!)));
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
                return (
                    new OpenAIRequestShaper(client.GetChatClient(openAI.Model!).AsIChatClient(), azure: false),
                    new ChatModelInfo("OpenAI", openAI.Model!, HostOf(openAI.Endpoint ?? DefaultOpenAIEndpoint)));
            }

            default:
                throw new InvalidOperationException($"Provider {summarizer.Provider} does not use a chat model.");
        }
    }
}
