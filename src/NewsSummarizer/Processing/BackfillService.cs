using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Processing;

/// <summary>Which articles a backfill takes.</summary>
public enum BackfillSelection
{
    /// <summary>Every article whose result is missing or not current.</summary>
    All,

    /// <summary>Articles without a result.</summary>
    Missing,

    /// <summary>Results from another provider or prompt version, or of an older version of the article.</summary>
    Stale,

    /// <summary>Extractive results written because the model was unavailable.</summary>
    Fallback,

    /// <summary>Results whose retries were exhausted.</summary>
    Failed,
}

/// <summary>Why an article is in a backfill, and when it was last written.</summary>
public sealed record BackfillCandidate(string Name, BackfillSelection Reason, DateTimeOffset? LastModified = null);

/// <summary>Finds the articles whose result is missing or not current and runs them through the same
/// <see cref="ArticleProcessor"/> as the trigger (so a current result is still never summarised twice).</summary>
public sealed class BackfillService(IArticleStore store, ArticleProcessor processor, SummaryService summaries)
{
    public async Task<IReadOnlyList<BackfillCandidate>> PlanAsync(BackfillSelection only, CancellationToken cancellationToken)
    {
        var blobs = new Dictionary<string, StoredBlob>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(prefix: null, cancellationToken).ConfigureAwait(false))
        {
            blobs[blob.Name] = blob;
        }

        var candidates = new List<BackfillCandidate>();
        foreach (var article in blobs.Values.Where(b => !SummaryBlobNames.IsResult(b.Name)))
        {
            var hasResult = blobs.ContainsKey(SummaryBlobNames.ResultFor(article.Name));
            if (hasResult && only == BackfillSelection.Missing)
            {
                continue;
            }

            var reason = hasResult
                ? Classify((await store.GetResultAsync(article.Name, cancellationToken).ConfigureAwait(false))?.Document, article)
                : BackfillSelection.Missing;
            if (reason is { } selected && (only == BackfillSelection.All || only == selected))
            {
                candidates.Add(new BackfillCandidate(article.Name, selected, article.LastModified));
            }
        }

        return candidates;
    }

    /// <summary>Processes the candidates, at most <paramref name="parallelism"/> at once; reports each outcome.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunAsync(
        IReadOnlyList<BackfillCandidate> candidates, int parallelism, Action<BackfillCandidate, string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (candidate, token) =>
            {
                string outcome;
                try
                {
                    var result = await processor.ProcessAsync(candidate.Name, token).ConfigureAwait(false);
                    outcome = result.Document?.Status ?? result.Result.ToString();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One article's outage must not stop the others; it stays in the next backfill's plan.
                    outcome = "error: " + exception.GetType().Name;
                }

                lock (counts)
                {
                    counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                }

                progress?.Invoke(candidate, outcome);
            }).ConfigureAwait(false);
        return counts;
    }

    private BackfillSelection? Classify(SummaryDocument? result, StoredBlob article)
    {
        if (result is null)
        {
            return BackfillSelection.Stale;
        }

        if (result.Status == SummaryStatus.Failed)
        {
            return BackfillSelection.Failed;
        }

        if (result.Model.Provider == SummaryService.FallbackProvider)
        {
            return BackfillSelection.Fallback;
        }

        var sameVersion = result.Source.ETag == article.ETag;
        return sameVersion && result.Model.Provider == summaries.Provider && result.Model.PromptVersion == summaries.PromptVersion
            ? null
            : BackfillSelection.Stale;
    }
}
