namespace NewsSummarizer.Summarization;

/// <summary>A summary could not be produced and retrying the same input will not help.</summary>
public sealed class SummarizationException : Exception
{
    public SummarizationException()
        : this("unknown", "The summary could not be produced.")
    {
    }

    public SummarizationException(string message)
        : this("unknown", message)
    {
    }

    public SummarizationException(string message, Exception innerException)
        : base(message, innerException) => Code = "unknown";

    public SummarizationException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>A stable, machine-readable error code written to <c>error.code</c>.</summary>
    public string Code { get; }
}
