using System.Diagnostics;

namespace NewsSummarizer.Articles.Documents;

/// <summary>The time one document's extraction may take. Library calls cannot be interrupted, so the budget is
/// checked between units of work (zip parts, pages, paragraphs) whose own cost the other limits bound.</summary>
internal sealed class DocumentBudget(TimeSpan limit)
{
    private readonly long started = Stopwatch.GetTimestamp();

    public void ThrowIfExceeded()
    {
        if (Stopwatch.GetElapsedTime(started) > limit)
        {
            throw new DocumentLimitException($"reading it took longer than {limit.TotalSeconds:N0} s");
        }
    }
}
