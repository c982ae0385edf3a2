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
