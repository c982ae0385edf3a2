using System.ComponentModel.DataAnnotations;

namespace NewsSummarizer.Summarization;

/// <summary>Which model produces summaries. No provider configured means <see cref="Extractive"/>.</summary>
public enum SummarizerProvider
{
    /// <summary>Offline extractive summaries in the article's own language; needs no account.</summary>
    Extractive,

    /// <summary>An Azure OpenAI deployment (API key or Microsoft Entra ID).</summary>
    AzureOpenAI,

    /// <summary>Any OpenAI-compatible chat completions endpoint: OpenAI, Ollama, vLLM.</summary>
    OpenAI,
}

/// <summary>Section <c>Summarizer</c>: provider, input limits and the model call budget.</summary>
public sealed class SummarizerOptions
{
    public const string SectionName = "Summarizer";

    public SummarizerProvider Provider { get; set; } = SummarizerProvider.Extractive;

    /// <summary>Larger articles are rejected before they are downloaded.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxArticleBytes { get; set; } = 1024 * 1024;

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

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the call fails fast and the trigger
    /// retries the article later instead of holding an instance.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When the model stays unavailable, write the extractive result (marked as a fallback).</summary>
    public bool FallbackToExtractive { get; set; }
}

/// <summary>Section <c>AzureOpenAI</c>.</summary>
public sealed class AzureOpenAIOptions
{
    public const string SectionName = "AzureOpenAI";

    public Uri? Endpoint { get; set; }

    public string? Deployment { get; set; }

    /// <summary>Absent: Microsoft Entra ID through DefaultAzureCredential (managed identity in Azure).</summary>
    public string? ApiKey { get; set; }
}

/// <summary>Section <c>OpenAI</c>: any OpenAI-compatible endpoint.</summary>
public sealed class OpenAIOptions
{
    public const string SectionName = "OpenAI";

    /// <summary>Absent: api.openai.com. For Ollama: http://localhost:11434/v1.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }
}
