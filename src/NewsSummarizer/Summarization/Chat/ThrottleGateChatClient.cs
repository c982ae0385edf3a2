using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>After the model answers 429 with a long <c>Retry-After</c>, refuses every call until that moment without
/// sending it, so the other articles in flight wait for the quota instead of each paying a certain refusal.</summary>
/// <remarks>Sits inside the concurrency limit, so a call that waited for a slot is checked when it gets one. A refused
/// call throws the same <see cref="ModelUnavailableException"/> (throttled, with the remaining wait) that the model's
/// own 429 becomes, so the processor schedules the article at the moment the model named. A 429 without a
/// <c>Retry-After</c>, or with one shorter than <see cref="MinWait"/>, closes nothing: short waits are the rate
/// windows of a busy deployment (Azure enforces requests in 1 s and 10 s windows), where the next call may well pass,
/// and holding every article back on each of them starves some of them (a soak test with half the calls refused
/// for 1 s showed it).</remarks>
internal sealed partial class ThrottleGateChatClient(IChatClient innerClient, TimeProvider time, ILogger<ThrottleGateChatClient> logger)
    : DelegatingChatClient(innerClient)
{
    /// <summary>The shortest <c>Retry-After</c> that closes the gate: a spent quota, not a rate window.</summary>
    public static readonly TimeSpan MinWait = TimeSpan.FromSeconds(10);

    private long closedUntilTicks;

    /// <summary>When calls may be sent again; <see cref="DateTimeOffset.MinValue"/> while the gate is open.</summary>
    public DateTimeOffset ClosedUntil => new(Interlocked.Read(ref closedUntilTicks), TimeSpan.Zero);

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowWhileClosed();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Closes(exception))
        {
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowWhileClosed();
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Closes(exception))
            {
                throw;
            }

            yield return updates.Current;
        }
    }

    private void ThrowWhileClosed()
    {
        var until = ClosedUntil;
        var remaining = until - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            throw new ModelUnavailableException(
                $"The model throttled an earlier call (HTTP 429) and asked to wait until {until:O}; this call was not sent.",
                throttled: true,
                retryAfter: remaining,
                new InvalidOperationException("Held back by the throttle gate."));
        }
    }

    // An exception filter: records the model's Retry-After and lets the exception go on unchanged.
    private bool Closes(Exception exception)
    {
        if (ModelFailureClassifier.Classify(exception, null, time) is { Throttled: true, RetryAfter: { } wait } && wait >= MinWait)
        {
            var until = time.GetUtcNow() + wait;
            var current = Interlocked.Read(ref closedUntilTicks);
            while (until.UtcTicks > current)
            {
                var seen = Interlocked.CompareExchange(ref closedUntilTicks, until.UtcTicks, current);
                if (seen == current)
                {
                    LogClosed(logger, wait.TotalSeconds, until);
                    break;
                }

                current = seen;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model throttled a call and asked to wait {Seconds:F0} s: no model call is sent until {Until:O}")]
    private static partial void LogClosed(ILogger logger, double seconds, DateTimeOffset until);
}
