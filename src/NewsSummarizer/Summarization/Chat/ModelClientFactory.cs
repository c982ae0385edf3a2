using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Microsoft.Extensions.AI;
using OpenAI;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Builds the provider SDK's <see cref="IChatClient"/> over our resilient HttpClient: the innermost client of
/// the model pipeline (<see cref="ModelPipeline"/>).</summary>
/// <remarks>The SDK's own retries are off: the resilience handler owns the whole retry budget.</remarks>
internal static class ModelClientFactory
{
    private static readonly Uri DefaultOpenAIEndpoint = new("https://api.openai.com/v1");

    /// <summary>Host and a non-default port: enough to tell endpoints apart, never a credential or a query.</summary>
    public static string HostOf(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
    }

    /// <param name="replacement">A client to use in place of the SDK's (tests, benchmarks): it sits where the SDK's
    /// client would, under the request shaping and every layer above it; no SDK client is created.</param>
    public static (IChatClient Client, ChatModelInfo Info) Create(
        SummarizerOptions summarizer, AzureOpenAIOptions azure, OpenAIOptions openAI, HttpClient httpClient, Func<TokenCredential> credential,
        IChatClient? replacement = null)
    {
        var transport = new HttpClientPipelineTransport(httpClient);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);
        switch (summarizer.Provider)
        {
            case SummarizerProvider.AzureOpenAI:
            {
                var info = new ChatModelInfo(ModelProvider.AzureOpenAI, azure.Deployment!, HostOf(azure.Endpoint!));
                if (replacement is not null)
                {
                    return (replacement, info);
                }

                var options = new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = summarizer.ModelTotalTimeout };
                var client = string.IsNullOrWhiteSpace(azure.ApiKey)
                    ? new AzureOpenAIClient(azure.Endpoint!, credential(), options)
                    : new AzureOpenAIClient(azure.Endpoint!, new ApiKeyCredential(azure.ApiKey), options);
                return (client.GetChatClient(azure.Deployment!).AsIChatClient(), info);
            }

            case SummarizerProvider.OpenAI:
            {
                var info = new ChatModelInfo(ModelProvider.OpenAI, openAI.Model!, HostOf(openAI.Endpoint ?? DefaultOpenAIEndpoint));
                if (replacement is not null)
                {
                    return (replacement, info);
                }

                var options = new OpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = summarizer.ModelTotalTimeout };
                if (openAI.Endpoint is not null)
                {
                    options.Endpoint = openAI.Endpoint;
                }

                // Local servers such as Ollama ignore the key, but the SDK requires one.
                var key = string.IsNullOrWhiteSpace(openAI.ApiKey) ? "unused" : openAI.ApiKey;
                var client = new OpenAIClient(new ApiKeyCredential(key), options);
                return (client.GetChatClient(openAI.Model!).AsIChatClient(), info);
            }

            default:
                throw new InvalidOperationException($"Provider {summarizer.Provider} does not use a chat model.");
        }
    }
}
