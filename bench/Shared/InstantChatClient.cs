using Microsoft.Extensions.AI;

namespace NewsSummarizer.Benchmarks.Shared;

/// <summary>A model that answers at once with a valid bilingual reply: what is left is the pipeline's own cost.</summary>
internal sealed class InstantChatClient : IChatClient
{
    public const string ValidReply =
        """
        {"title":{"ar":"وزيرا خارجية أميركا وتركيا يبحثان أزمة أوكرانيا","en":"US and Turkish foreign ministers discuss Ukraine"},
         "summary":{"ar":"ناقش وزيرا الخارجية الأميركي والتركي التنسيق بشأن التوتر في أوكرانيا وأهمية الجهود الدبلوماسية.",
                    "en":"The US and Turkish foreign ministers discussed coordination on the tension over Ukraine and diplomacy."},
         "keyPoints":{"ar":["اتصال هاتفي بين بلينكن وتشاووش أوغلو","بايدن يحذر من غزو روسي لأوكرانيا"],
                      "en":["Blinken and Cavusoglu spoke by phone","Biden warned against a Russian invasion of Ukraine"]}}
        """;

    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, ValidReply))
        {
            Usage = new UsageDetails { InputTokenCount = 1200, OutputTokenCount = 300 },
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
