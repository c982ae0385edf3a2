using Microsoft.Extensions.Logging;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing;

/// <summary>Finds the articles whose result is missing or not current and runs them through the same
/// <see cref="ArticleProcessor"/> as the trigger (so a current result is still never summarised twice).</summary>
public sealed partial class BackfillService(
    IArticleStore store, ArticleProcessor processor, SummaryService summaries, ILogger<BackfillService> logger, TimeProvider? time = null)
{
    /// <summary>How long past its <c>retryAt</c> a waiting result may stay before a backfill takes it: well beyond the
    /// retry queue's polling interval and one attempt's model budget, so a scheduled attempt that is merely running
    /// is left alone.</summary>
    public static readonly TimeSpan OverdueGrace = TimeSpan.FromMinutes(15);

    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>The articles whose result is in the <paramref name="only"/> state (<see cref="BackfillSelection.All"/>:
    /// any state but current), judged by <see cref="SummaryService.Classify"/> from the listing's ETags. An
    /// unreadable or invalid result counts as missing; it never stops the plan.</summary>
    public async Task<IReadOnlyList<BackfillCandidate>> PlanAsync(BackfillSelection only, CancellationToken cancellationToken)
    {
        var blobs = await ListAsync(cancellationToken).ConfigureAwait(false);
        var candidates = new List<BackfillCandidate>();
        foreach (var article in Articles(blobs))
        {
            StoredResult? result = null;
            if (blobs.ContainsKey(SummaryBlobNames.ResultFor(article.Name)))
            {
                result = await store.GetResultAsync(article.Name, cancellationToken).ConfigureAwait(false);
                if (result is { Document: null, Problem: var problem })
                {
                    LogUntrustedResult(logger, article.Name, problem ?? "unreadable");
                }
            }

            // A bad summary_length is the default to the processor too (it logs why when it runs).
            SummaryLength.TryParse(article.RequestedLength, out var length, out _);
            var reason = ToSelection(summaries.Classify(result?.Document, sha256: null, etag: article.ETag, length), result?.Document);
            if (reason is { } selected && (only == BackfillSelection.All || only == selected))
            {
                candidates.Add(new BackfillCandidate(article.Name, selected, article.LastModified));
            }
        }

        return candidates;
    }

    /// <summary>The articles a polling trigger may have missed: those without any result blob
    /// (<see cref="BackfillSelection.Missing"/>, from the listing alone), and those uploaded again since their result
    /// was made (<see cref="BackfillSelection.Stale"/>: other text or another <c>summary_length</c>), whose result
    /// names another version. Only articles listed as written in the same second as their result or later have their
    /// result read (Blob Storage lists Last-Modified to the second). What the DevHost's sweep takes.</summary>
    /// <param name="settled">Article versions (ETag by name) that need nothing more: they are passed over without
    /// reading their result, and a version found answered by its result is added, so each result is read once, not
    /// at every sweep.</param>
    public async Task<IReadOnlyList<BackfillCandidate>> FindMissedAsync(IDictionary<string, string> settled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var blobs = await ListAsync(cancellationToken).ConfigureAwait(false);
        var candidates = new List<BackfillCandidate>();
        foreach (var article in Articles(blobs))
        {
            if (!blobs.TryGetValue(SummaryBlobNames.ResultFor(article.Name), out var result))
            {
                candidates.Add(new BackfillCandidate(article.Name, BackfillSelection.Missing, article.LastModified, article.ETag));
            }
            else if (article.LastModified >= result.LastModified &&
                !(settled.TryGetValue(article.Name, out var known) && ArticleVersion.SameETag(known, article.ETag)))
            {
                var stored = await store.GetResultAsync(article.Name, cancellationToken).ConfigureAwait(false);
                if (ResultClassifier.DescribesListed(stored?.Document, article.ETag))
                {
                    settled[article.Name] = article.ETag;
                }
                else
                {
                    candidates.Add(new BackfillCandidate(article.Name, BackfillSelection.Stale, article.LastModified, article.ETag));
                }
            }
        }

        return candidates;
    }

    /// <summary>Processes the candidates, at most <paramref name="parallelism"/> at once; reports each outcome.</summary>
    public async Task<IReadOnlyDictionary<BackfillOutcome, int>> RunAsync(
        IReadOnlyList<BackfillCandidate> candidates, int parallelism, Action<BackfillCandidate, BackfillOutcome>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var counts = new Dictionary<BackfillOutcome, int>();
        await Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (candidate, token) =>
            {
                BackfillOutcome outcome;
                try
                {
                    var result = await processor.ProcessAsync(candidate.Name, token).ConfigureAwait(false);
                    outcome = BackfillOutcome.Of(result);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One article's outage must not stop the others; it stays in the next backfill's plan.
                    outcome = BackfillOutcome.Threw(exception);
                }

                lock (counts)
                {
                    counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                }

                progress?.Invoke(candidate, outcome);
            }).ConfigureAwait(false);
        return counts;
    }

    private async Task<Dictionary<string, StoredBlob>> ListAsync(CancellationToken cancellationToken)
    {
        var blobs = new Dictionary<string, StoredBlob>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(prefix: null, cancellationToken).ConfigureAwait(false))
        {
            blobs[blob.Name] = blob;
        }

        return blobs;
    }

    /// <summary>The listed blobs that can be articles. A name the processor refuses (one whose result name would
    /// pass 1,024 characters, say) can never get a result: it is logged and left out, so it neither aborts the
    /// plan (its result name is not a valid blob name) nor comes back at every sweep.</summary>
    private IEnumerable<StoredBlob> Articles(Dictionary<string, StoredBlob> blobs)
    {
        foreach (var blob in blobs.Values)
        {
            if (SummaryBlobNames.IsResult(blob.Name))
            {
                continue;
            }

            if (ArticleNames.Validate(blob.Name) is { } invalid)
            {
                LogRefusedName(logger, blob.Name.Length > 200 ? blob.Name[..200] + "…" : blob.Name, invalid.Message);
                continue;
            }

            yield return blob;
        }
    }

    private BackfillSelection? ToSelection(ResultState state, SummaryDocument? stored) => state switch
    {
        ResultState.Current => null,
        ResultState.Missing => BackfillSelection.Missing,
        ResultState.Stale => BackfillSelection.Stale,
        ResultState.Fallback => BackfillSelection.Fallback,
        ResultState.Failed => BackfillSelection.Failed,
        // Scheduled: the retry queue takes it (a new upload supersedes the schedule), unless it is long overdue. The
        // processor runs a waiting article whose retryAt has passed.
        ResultState.Waiting when stored?.RetryAt is { } retryAt && retryAt + OverdueGrace < time.GetUtcNow() => BackfillSelection.Overdue,
        ResultState.Waiting => null,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left {Name} out: it cannot be an article ({Reason}); rename the blob")]
    private static partial void LogRefusedName(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored result of {Name} is not trusted and counts as missing: {Problem}")]
    private static partial void LogUntrustedResult(ILogger logger, string name, string problem);
}
