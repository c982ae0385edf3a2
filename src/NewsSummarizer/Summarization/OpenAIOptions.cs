namespace NewsSummarizer.Summarization;

/// <summary>Section <c>OpenAI</c>: any OpenAI-compatible endpoint.</summary>
public sealed class OpenAIOptions
{
    public const string SectionName = "OpenAI";

    /// <summary>Absent: api.openai.com. For Ollama: http://localhost:11434/v1.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }
}
