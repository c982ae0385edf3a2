using Azure.AI.OpenAI.Chat;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Sits directly on the SDK's chat client and says in the SDK's terms what
/// Microsoft.Extensions.AI cannot: <c>reasoning_effort</c> with any documented value (its enum has no
/// <c>minimal</c>), and, for Azure, <c>max_completion_tokens</c> instead of the <c>max_tokens</c> the Azure SDK
/// sends by default, which every reasoning model refuses with HTTP 400 <c>unsupported_parameter</c>.</summary>
internal sealed class OpenAIRequestShaper(IChatClient innerClient, bool azure) : DelegatingChatClient(innerClient)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Shape(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Shape(options), cancellationToken);

    private ChatOptions? Shape(ChatOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        var effort = options.AdditionalProperties?.TryGetValue(ModelRequest.ReasoningEffortKey, out var value) is true ? value as string : null;
        var maxOutputTokens = options.MaxOutputTokens;
        if (effort is null && !(azure && maxOutputTokens is not null))
        {
            return options;
        }

        var shaped = options.Clone();
        var previous = options.RawRepresentationFactory;
        shaped.RawRepresentationFactory = client =>
        {
            var raw = previous?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
#pragma warning disable OPENAI001 // reasoning_effort is marked experimental in the SDK
            if (effort is not null)
            {
                raw.ReasoningEffortLevel = new ChatReasoningEffortLevel(effort);
            }
#pragma warning restore OPENAI001

            if (azure && maxOutputTokens is { } max)
            {
                // Must follow the assignment: assigning MaxOutputTokenCount resets the opt-in (Azure.AI.OpenAI 2.7.0-beta.1 notes).
                raw.MaxOutputTokenCount = max;
#pragma warning disable AOAI001 // experimental in Azure.AI.OpenAI
                raw.SetNewMaxCompletionTokensPropertyEnabled(true);
#pragma warning restore AOAI001
            }

            return raw;
        };
        return shaped;
    }
}
