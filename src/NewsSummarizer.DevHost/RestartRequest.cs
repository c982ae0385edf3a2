namespace NewsSummarizer.DevHost;

/// <summary>Set when the WebJobs host failed and the DevHost should start afresh.</summary>
internal sealed class RestartRequest
{
    public bool Requested { get; private set; }

    public void Request() => Requested = true;
}
