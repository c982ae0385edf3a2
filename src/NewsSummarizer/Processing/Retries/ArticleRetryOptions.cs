using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NewsSummarizer.Processing.Retries;

/// <summary>Section <c>Retries</c>: how an article whose model call failed transiently (after the in-call retry
/// budget, or told to wait longer than <c>Summarizer__MaxRetryAfter</c>) is scheduled for later on the service's own
/// queue (<see cref="ArticleRetryQueue.Name"/>) instead of being retried at once by the trigger.</summary>
public sealed class ArticleRetryOptions
{
    public const string SectionName = "Retries";

    /// <summary>The most <see cref="MaxDeferrals"/> may be; a retry message counting more was not written by us.</summary>
    public const int DeferralsLimit = 100;

    /// <summary>Deferrals of one article version before it is given up (<c>failed</c>, or the extractive fallback).</summary>
    [Range(0, DeferralsLimit)]
    public int MaxDeferrals { get; set; } = 8;

    /// <summary>Total time from the first deferral after which the article is given up, whatever the count.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxTotalWait { get; set; } = TimeSpan.FromHours(2);

    /// <summary>First wait when the model sent no <c>Retry-After</c>; doubled each deferral (with ±20 % jitter) up to
    /// <see cref="MaxDelay"/>. Also the shortest wait: a <c>Retry-After</c> below it is raised to it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait the backoff reaches. A <c>Retry-After</c> may be longer (up to what
    /// <see cref="MaxTotalWait"/> leaves); the queue caps any wait at 7 days.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "7.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    internal sealed class Validator : IValidateOptions<ArticleRetryOptions>
    {
        public ValidateOptionsResult Validate(string? name, ArticleRetryOptions options) =>
            options.MaxDelay < options.BaseDelay
                ? ValidateOptionsResult.Fail("Retries__MaxDelay must be at least Retries__BaseDelay.")
                : ValidateOptionsResult.Success;
    }
}
