using System.Globalization;
using Microsoft.Extensions.Options;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing.Retries;

/// <summary>The one place that decides whether and when an article is tried again after a transient model failure:
/// the model's <c>Retry-After</c> when it sent one (never below <see cref="ArticleRetryOptions.BaseDelay"/>), else
/// exponential backoff with ±20 % jitter (in whole seconds) from <see cref="ArticleRetryOptions.BaseDelay"/> up to
/// <see cref="ArticleRetryOptions.MaxDelay"/>; given up after <see cref="ArticleRetryOptions.MaxDeferrals"/> deferrals or when the
/// next wait would end past <see cref="ArticleRetryOptions.MaxTotalWait"/> from the first deferral.</summary>
public sealed class RetryPlanner
{
    /// <summary>Azure Queue Storage refuses a longer visibility timeout.</summary>
    public static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(7);

    private readonly IOptions<ArticleRetryOptions> options;
    private readonly TimeProvider time;
    private readonly Func<double> jitter;

    public RetryPlanner(IOptions<ArticleRetryOptions> options, TimeProvider time)
        : this(options, time, Random.Shared.NextDouble)
    {
    }

    /// <param name="jitter">A value in [0, 1): 0 waits 80 % of the backoff, 1 almost 120 %.</param>
    internal RetryPlanner(IOptions<ArticleRetryOptions> options, TimeProvider time, Func<double> jitter)
    {
        this.options = options;
        this.time = time;
        this.jitter = jitter;
    }

    /// <param name="previous">The message that brought this attempt, <c>null</c> for the first (the trigger's).</param>
    public RetryDecision Decide(string container, string name, string etag, RetryMessage? previous, ModelUnavailableException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var settings = options.Value;
        var now = time.GetUtcNow();
        // Bounded however the message was made (RetryMessage.TryParse refuses counts past the options' limit); a
        // first deferral in the future is taken as now.
        var deferrals = Math.Min(previous?.Deferrals ?? 0, ArticleRetryOptions.DeferralsLimit) + 1;
        var first = previous is null || previous.FirstDeferredAt > now ? now : previous.FirstDeferredAt;
        var said = failure.RetryAfter is { } retryAfter
            ? string.Create(CultureInfo.InvariantCulture, $" (Retry-After {retryAfter.TotalSeconds:0.###} s)")
            : string.Empty;
        var line = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-ddTHH:mm:ssZ} attempt {deferrals}: {failure.Message}{said}");
        List<string> history = [.. previous?.History ?? [], RetryMessage.Cut(line)];
        var delay = Delay(deferrals, failure.RetryAfter, settings);
        if (deferrals > settings.MaxDeferrals || now + delay - first > settings.MaxTotalWait)
        {
            return new GiveUp(string.Create(
                CultureInfo.InvariantCulture,
                $"The model stayed unavailable through {deferrals} attempts over {Describe(now - first)} " +
                $"(Retries__MaxDeferrals {settings.MaxDeferrals}, Retries__MaxTotalWait {settings.MaxTotalWait}; the next wait would have been {Describe(delay)}). " +
                $"History: {string.Join(" | ", history)}. Upload the article again or run `newsum backfill --only failed` once the model is back."));
        }

        var at = now + delay;
        return new ScheduleRetry(new RetryMessage(container, name, etag, deferrals, first, at, history), delay);
    }

    private TimeSpan Delay(int deferral, TimeSpan? retryAfter, ArticleRetryOptions settings)
    {
        if (retryAfter is { } said)
        {
            return Clamp(said < settings.BaseDelay ? settings.BaseDelay : said);
        }

        var doubled = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(deferral - 1, 30));
        var backoff = Math.Min(doubled, settings.MaxDelay.TotalMilliseconds);
        var jittered = backoff * (0.8 + (0.4 * jitter()));
        return Clamp(TimeSpan.FromMilliseconds(Math.Min(jittered, settings.MaxDelay.TotalMilliseconds)));
    }

    /// <summary>Whole seconds, rounded up: the queue's visibility timeout is in seconds, and <c>retryAt</c> must be the
    /// moment the message becomes visible, never before.</summary>
    private static TimeSpan Clamp(TimeSpan delay) =>
        delay > MaxQueueDelay ? MaxQueueDelay : TimeSpan.FromSeconds(Math.Ceiling(Math.Round(delay.TotalSeconds, 6)));

    private static string Describe(TimeSpan span) => span.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min");
}
