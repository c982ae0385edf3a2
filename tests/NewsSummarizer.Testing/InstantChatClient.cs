using Microsoft.Extensions.AI;

namespace NewsSummarizer.Testing;

/// <summary>A model that answers at once with the canned bilingual reply: what is left is the pipeline's own cost.</summary>
public sealed class InstantChatClient : IChatClient
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, CannedReplies.Bilingual))
        {
            Usage = new UsageDetails { InputTokenCount = 1200, OutputTokenCount = 300 },
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    public void Dispose()
    {
    }
}
