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

    /// <param name="rejectsInput"><c>true</c> when the input itself will never succeed (result status <c>rejected</c>);
    /// <c>false</c> when the model or its configuration failed (status <c>failed</c>, retried by a backfill).
    /// Unset: decided by the code (<see cref="ModelErrorCodes.IsModelFailure"/>).</param>
    public SummarizationException(string code, string message, Exception? innerException = null, bool? rejectsInput = null)
        : base(message, innerException)
    {
        Code = code;
        RejectsInput = rejectsInput ?? !ModelErrorCodes.IsModelFailure(code);
    }

    /// <summary>A stable, machine-readable error code written to <c>error.code</c>.</summary>
    public string Code { get; }

    /// <summary>Whether the input will never succeed (<c>rejected</c>) rather than this model call failing (<c>failed</c>).</summary>
    public bool RejectsInput { get; } = true;
}
