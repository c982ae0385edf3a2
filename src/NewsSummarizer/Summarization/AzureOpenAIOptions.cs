namespace NewsSummarizer.Summarization;

/// <summary>Section <c>AzureOpenAI</c>.</summary>
public sealed class AzureOpenAIOptions
{
    public const string SectionName = "AzureOpenAI";

    public Uri? Endpoint { get; set; }

    public string? Deployment { get; set; }

    /// <summary>Absent: Microsoft Entra ID through DefaultAzureCredential (managed identity in Azure).</summary>
    public string? ApiKey { get; set; }
}
