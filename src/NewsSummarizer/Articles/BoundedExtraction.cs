using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles;

/// <summary>Runs a format's extraction on a thread of its own, with a large stack and a wall-clock budget, and turns
/// whatever the format library throws into a rejection. A thread cannot be aborted: when the budget runs out the
/// article is rejected at once and the abandoned thread finishes in the background, which is why the formats'
/// pre-scans (<see cref="ArticleLimits"/>) are the primary defence and this is the backstop.</summary>
internal static class BoundedExtraction
{
    // AngleSharp and Markdig recurse per nesting level. The pre-scans keep depth far below what the default 1.5 MB
    // stack survives; the larger stack (reserved, committed only as used) is margin for what they under-estimate.
    private const int StackBytes = 64 * 1024 * 1024;

    public static FormatExtraction Run(IArticleFormat format, string text, TimeSpan budget, TimeProvider timeProvider, out Exception? failure)
    {
        var extraction = new TaskCompletionSource<FormatExtraction>(TaskCreationOptions.RunContinuationsAsynchronously);
        var timedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The budget starts before the work does.
        using var timer = timeProvider.CreateTimer(_ => timedOut.TrySetResult(), null, budget, Timeout.InfiniteTimeSpan);
        var thread = new Thread(
            () =>
            {
                try
                {
                    extraction.TrySetResult(format.Extract(text));
                }
#pragma warning disable CA1031 // Any exception of a format library is the document's fault: it becomes a rejection.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    extraction.TrySetException(exception);
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "article-extraction",
        };
        thread.Start();
        Task.WaitAny(extraction.Task, timedOut.Task);

        failure = null;
        if (!extraction.Task.IsCompleted)
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.TooComplex,
                $"Reading the {format.Name} document took longer than {budget.TotalSeconds:N0} s, the limit for one article. " +
                "Upload the article's text, or a simpler document.");
        }

        if (extraction.Task.Exception?.InnerException is { } exception)
        {
            failure = exception;
            return FormatExtraction.Rejected(
                ArticleErrorCodes.ExtractionFailed,
                $"The {format.Name} reader failed on this document ({exception.Message}). Upload the article's text, or a simpler document.");
        }

        return extraction.Task.Result;
    }
}
