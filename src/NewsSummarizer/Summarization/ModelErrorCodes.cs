namespace NewsSummarizer.Summarization;

/// <summary>Values of <c>error.code</c> in a result that the model path could not produce.</summary>
public static class ModelErrorCodes
{
    public const string ContentFiltered = "content-filtered";
    public const string RejectedRequest = "model-rejected-request";
    public const string NotFound = "model-not-found";
    public const string AuthFailed = "model-auth-failed";
    public const string OutputTruncated = "output-truncated";
    public const string ContextTooLong = "context-too-long";
    public const string InvalidReply = "invalid-model-reply";

    /// <summary>The model stayed unavailable (<see cref="Summaries.Disposition.Transient"/>): a <c>waiting</c> result, HTTP 503.</summary>
    public const string Unavailable = "model-unavailable";

    /// <summary>The model answered 429 (<see cref="Summaries.Disposition.Transient"/>): HTTP 429 with its <c>Retry-After</c>.</summary>
    public const string Throttled = "model-throttled";

}
