namespace NewsSummarizer.Articles.Extraction;

/// <summary>No extractor process could be started: a deployment or machine problem, never the document's fault, so
/// the article is retried rather than rejected.</summary>
public sealed class ExtractorUnavailableException : Exception
{
    public ExtractorUnavailableException()
    {
    }

    public ExtractorUnavailableException(string message)
        : base(message)
    {
    }

    public ExtractorUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
