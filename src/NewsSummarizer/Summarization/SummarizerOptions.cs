using System.ComponentModel.DataAnnotations;

namespace NewsSummarizer.Summarization;

/// <summary>Section <c>Summarizer</c>: provider, input limits and the model call budget.</summary>
public sealed class SummarizerOptions
{
    public const string SectionName = "Summarizer";

    public SummarizerProvider Provider { get; set; } = SummarizerProvider.Extractive;

    /// <summary>Larger articles are rejected before they are downloaded.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxArticleBytes { get; set; } = 1024 * 1024;

    /// <summary>Where results whose write failed are kept as files until written (<see cref="Processing.PendingResults"/>);
    /// empty: a directory under the temp directory for this storage account and container.</summary>
    public string? KeptResultsDirectory { get; set; }

    /// <summary>Larger HTML pages are rejected before they are downloaded (<c>Summarizer__MaxHtmlBytes</c>). A saved news
    /// page is mostly markup around a few KB of article; its extracted text is still held to
    /// <see cref="MaxArticleBytes"/>.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxHtmlBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Shorter texts are rejected: there is nothing to summarise.</summary>
    [Range(1, 1000)]
    public int MinArticleWords { get; set; } = 20;

    /// <summary>Tokens of article text one model call may carry; longer articles are split on paragraphs.</summary>
    [Range(500, 1_000_000)]
    public int MaxInputTokens { get; set; } = 24_000;

    /// <summary>Model calls in flight at once, shared by the blob and HTTP paths.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentModelCalls { get; set; } = 16;

    /// <summary>One model HTTP attempt may take this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ModelAttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>All attempts of one model call together may take this long.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:30:00")]
    public TimeSpan ModelTotalTimeout { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>Retries after the first attempt, for 408, 429, 5xx and timeouts.</summary>
    [Range(0, 10)]
    public int ModelMaxRetries { get; set; } = 3;

    /// <summary>Base of the jittered exponential backoff between retries (when the model sends no <c>Retry-After</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ModelRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for in the call: the call fails fast and the
    /// processor schedules the article on its retry queue for when the model said to come back (Retries section),
    /// instead of holding an instance.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When the model stays unavailable, or Azure's content filter blocks an article, write the extractive
    /// result (marked as a fallback, with the reason).</summary>
    public bool FallbackToExtractive { get; set; }

    /// <summary>Sampling temperature. Unset (the default): not sent, so the model uses its own default. Reasoning
    /// models (GPT-5 family, o-series) accept only 1 and refuse anything else with HTTP 400.</summary>
    [Range(0.0, 2.0)]
    public float? Temperature { get; set; }

    /// <summary>Output budget of one call, sent as <c>max_completion_tokens</c>. Reasoning models pay their hidden
    /// reasoning out of it. The visible reply (title, summary and key points in two languages) is about 600-1,000
    /// tokens; the rest leaves a low-effort reasoning model room to think. A reply cut at this budget is asked
    /// again once with twice the budget. Azure counts this figure against the deployment's tokens per minute on
    /// every call, so a larger default would cost quota on every article.</summary>
    [Range(256, 128_000)]
    public int MaxOutputTokens { get; set; } = DefaultMaxOutputTokens;

    /// <summary>Default of <see cref="MaxOutputTokens"/>.</summary>
    public const int DefaultMaxOutputTokens = 4_000;

    /// <summary><c>none</c>, <c>minimal</c>, <c>low</c>, <c>medium</c>, <c>high</c> or <c>xhigh</c>, sent as
    /// <c>reasoning_effort</c> only when set. Only reasoning models accept it, each a subset; <c>low</c> is accepted by
    /// every GPT-5-family model and suits summaries.</summary>
    public string? ReasoningEffort { get; set; }

    /// <summary>Tokens per minute this instance may send to the model (input plus <see cref="MaxOutputTokens"/>, as
    /// Azure counts them). 0 (the default): no budget. Set it to the deployment's quota divided by the maximum
    /// instance count so a scaled-out backlog waits here instead of calling into certain 429s.</summary>
    [Range(0, 100_000_000)]
    public int TokensPerMinute { get; set; }
}
