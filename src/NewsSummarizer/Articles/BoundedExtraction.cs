using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles;

/// <summary>Runs an extraction on a thread of its own, with a large stack and a wall-clock budget, and hands back
/// whatever the library threw instead of letting it escape. Every format goes through here: the text formats
/// (AngleSharp, Markdig) and the documents (PdfPig, OpenXml). A thread cannot be aborted: when the budget runs out
/// the article is rejected at once and the abandoned thread finishes in the background, which is why the formats'
/// pre-scans (<see cref="ArticleLimits"/>, <see cref="Documents.DocumentLimits"/>) are the primary defence and this is
/// the backstop.</summary>
internal static class BoundedExtraction
{
    // The libraries recurse per nesting level and a stack overflow cannot be caught. The pre-scans keep depth far
    // below what the default 1.5 MB stack survives; the larger stack (reserved address space, committed only as used)
    // is margin for what they under-estimate.
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>A text format's extraction: a timeout is <c>too-complex</c>, an exception <c>extraction-failed</c>.</summary>
    public static FormatExtraction Run(IArticleFormat format, string text, TimeSpan budget, TimeProvider timeProvider, out Exception? failure)
    {
        var extraction = Run(() => format.Extract(text), $"{format.Name} extraction", budget, timeProvider, out failure);
        if (extraction is null)
        {
            return FormatExtraction.Rejected(
                ArticleErrorCodes.TooComplex,
                $"Reading the {format.Name} document took longer than {budget.TotalSeconds:N0} s, the limit for one article. " +
                "Upload the article's text, or a simpler document.");
        }

        return failure is null
            ? extraction
            : FormatExtraction.Rejected(
                ArticleErrorCodes.ExtractionFailed,
                $"The {format.Name} reader failed on this document ({failure.Message}). Upload the article's text, or a simpler document.");
    }

    /// <summary>Runs <paramref name="extract"/> on its own thread. <c>null</c> when the budget ran out first; otherwise
    /// the extraction, or a placeholder with <paramref name="failure"/> set to what it threw.</summary>
    public static FormatExtraction? Run(
        Func<FormatExtraction> extract, string threadName, TimeSpan budget, TimeProvider timeProvider, out Exception? failure)
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
                    extraction.TrySetResult(extract());
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
            Name = threadName,
        };
        thread.Start();
        Task.WaitAny(extraction.Task, timedOut.Task);

        failure = null;
        if (!extraction.Task.IsCompleted)
        {
            return null;
        }

        if (extraction.Task.Exception?.InnerException is { } exception)
        {
            failure = exception;
            return FormatExtraction.Rejected(ArticleErrorCodes.ExtractionFailed, exception.Message);
        }

        return extraction.Task.Result;
    }
}
