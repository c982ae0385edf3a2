using NewsSummarizer.Summaries;

namespace NewsSummarizer.Summarization;

/// <summary>A summary could not be produced and retrying the same input will not help.</summary>
public sealed class SummarizationException : Exception
{
    public SummarizationException()
        : this(FailureCodes.Unknown, "The summary could not be produced.")
    {
    }

    public SummarizationException(string message)
        : this(FailureCodes.Unknown, message)
    {
    }

    public SummarizationException(string message, Exception innerException)
        : this(FailureCodes.Unknown, message, innerException)
    {
    }

    /// <param name="disposition">Unset: the code's (<see cref="FailureCodes.DispositionOf"/>).</param>
    public SummarizationException(string code, string message, Exception? innerException = null, Disposition? disposition = null)
        : base(message, innerException) =>
        Failure = new Failure(code, disposition ?? FailureCodes.DispositionOf(code), message);

    /// <summary>What failed: the code written to <c>error.code</c>, and whether the input is rejected or the model failed.</summary>
    public Failure Failure { get; }

    /// <summary>A stable, machine-readable error code written to <c>error.code</c>.</summary>
    public string Code => Failure.Code;
}
