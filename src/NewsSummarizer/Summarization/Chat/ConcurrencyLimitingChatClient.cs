using Microsoft.Extensions.AI;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Caps model calls in flight (<c>Summarizer__MaxConcurrentModelCalls</c>) so a burst of uploads queues up
/// here instead of flooding the deployment with requests it will throttle.</summary>
internal sealed class ConcurrencyLimitingChatClient(IChatClient innerClient, int maxConcurrentCalls) : DelegatingChatClient(innerClient)
{
    private readonly SemaphoreSlim gate = new(maxConcurrentCalls, maxConcurrentCalls);

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
