using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing;

/// <summary>Whether a model that stays unavailable gets the extractive fallback at once.</summary>
public enum ModelFallback
{
    /// <summary>At once when <c>Summarizer__FallbackToExtractive</c> is on (the HTTP API, the CLI).</summary>
    WhenUnavailable,

    /// <summary>Never here: <see cref="ModelUnavailableException"/> propagates so the blob path can schedule a retry.</summary>
    Never,
}
