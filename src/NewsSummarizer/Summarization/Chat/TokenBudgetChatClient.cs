using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Keeps one instance inside <c>Summarizer__TokensPerMinute</c>: each call is charged what Azure's rate
/// limiter counts for it (the prompt's tokens plus <c>max_completion_tokens</c>), from a bucket that refills at the
/// budget per minute.</summary>
/// <remarks>A call the bucket cannot cover waits (cancellably, on <see cref="TimeProvider"/>) instead of calling into a
/// 429 that is certain. Callers reserve in arrival order, so waits are first come, first served.</remarks>
internal sealed partial class TokenBudgetChatClient : DelegatingChatClient
{
    private readonly int tokensPerMinute;
    private readonly TokenCounter counter;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly double perSecond;
    private double available;
    private long refilledAt;

    public TokenBudgetChatClient(IChatClient innerClient, int tokensPerMinute, TokenCounter counter, TimeProvider time, ILogger? logger = null)
        : base(innerClient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokensPerMinute, 1);
        this.tokensPerMinute = tokensPerMinute;
        this.counter = counter;
        this.time = time;
        this.logger = logger ?? NullLogger.Instance;
        perSecond = tokensPerMinute / 60.0;
        available = tokensPerMinute;
        refilledAt = time.GetTimestamp();
    }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        await AcquireAsync(Estimate(list, options), cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        await AcquireAsync(Estimate(list, options), cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <summary>What Azure counts against the quota for this call: prompt tokens plus the output budget.</summary>
    internal int Estimate(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        messages.Sum(m => counter.Count(m.Text)) + (options?.MaxOutputTokens ?? 0);

    private async Task AcquireAsync(int cost, CancellationToken cancellationToken)
    {
        // A call larger than the whole budget waits for a full bucket rather than forever.
        var charge = Math.Min(cost, tokensPerMinute);
        TimeSpan wait;
        lock (gate)
        {
            Refill();
            available -= charge;
            wait = available >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-available / perSecond);
        }

        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        LogWaiting(logger, wait.TotalSeconds, cost, tokensPerMinute);
        try
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (gate)
            {
                Refill();
                available = Math.Min(tokensPerMinute, available + charge);
            }

            throw;
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        available = Math.Min(tokensPerMinute, available + (time.GetElapsedTime(refilledAt, now).TotalSeconds * perSecond));
        refilledAt = now;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting {Seconds:F1} s for {Tokens} tokens of the {Budget} tokens-per-minute budget (Summarizer__TokensPerMinute)")]
    private static partial void LogWaiting(ILogger logger, double seconds, int tokens, int budget);
}
