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

    /// <summary>The codes of a model or configuration failure (status <c>failed</c>) rather than of input that will
    /// never pass (status <c>rejected</c>).</summary>
    public static bool IsModelFailure(string code) =>
        code is InvalidReply or RejectedRequest or NotFound or AuthFailed or OutputTruncated or ContextTooLong;
}
