using Azure;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using static NewsSummarizer.Processing.ProcessingLog;

namespace NewsSummarizer.Processing;

/// <summary>Writes a result beside its article: conditionally (a lost race is <c>false</c>), retrying storage faults
/// after <see cref="Backoff"/> (a Polly retry on the injected clock), and keeping a paid summary in
/// <see cref="PendingResults"/> until it is written.</summary>
internal sealed class ResultWriter(IArticleStore store, PendingResults pending, SummaryService summaries, TimeProvider time, ILogger logger)
{
    /// <summary>Pauses between attempts to write a result that failed with a storage fault (not a lost race).
    /// The model's output is kept meanwhile: a storage fault never costs a second model call.</summary>
    public static IReadOnlyList<TimeSpan> Backoff { get; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15)];

    /// <summary>Results whose write failed and are kept for the next attempt.</summary>
    public int PendingCount => pending.Count;

    private static readonly ResiliencePropertyKey<string> ArticleName = new("newssummarizer.article");

    // A storage fault (anything but the 409/412 of a lost race, which is a result, not an exception) is retried after
    // each pause of Backoff in turn, on the injected clock.
    private readonly ResiliencePipeline<bool> writes = new ResiliencePipelineBuilder<bool> { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions<bool>
        {
            MaxRetryAttempts = Backoff.Count,
            ShouldHandle = new PredicateBuilder<bool>().Handle<Exception>(IsStorageFault),
            DelayGenerator = static args => ValueTask.FromResult<TimeSpan?>(Backoff[args.AttemptNumber]),
            OnRetry = args =>
            {
                LogWriteRetry(
                    logger, args.Context.Properties.GetValue(ArticleName, string.Empty), args.AttemptNumber + 1,
                    args.RetryDelay.TotalSeconds, args.Outcome.Exception?.Message ?? string.Empty);
                return default;
            },
        })
        .Build();

    /// <summary>Writes conditionally (<c>false</c>: another writer won); a storage fault is retried
    /// <see cref="Backoff"/>.Count times with those pauses, then thrown.</summary>
    public async Task<bool> WriteAsync(string name, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ArticleName, name);
        try
        {
            return await writes.ExecuteAsync(
                static async (context, state) => await state.store.TryWriteResultAsync(state.name, state.document, state.ifMatch, context.CancellationToken).ConfigureAwait(false),
                context,
                (store, name, document, ifMatch)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Writes a document the model was paid for: kept in <see cref="PendingResults"/> when storage keeps
    /// failing or the host stops during the backoff, forgotten once written.</summary>
    public async Task<bool> WriteKeepingOutputAsync(string name, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var written = await WriteAsync(name, document, ifMatch, cancellationToken).ConfigureAwait(false);
            if (written)
            {
                Forget(name, document);
            }

            return written;
        }
        catch (Exception exception) when (IsStorageFault(exception) || exception is OperationCanceledException)
        {
            // Storage is still failing, or the host is stopping (the DevHost rebuilds itself after an outage, a
            // worker is recycled) while the write waits out its backoff: the next attempt here writes this output,
            // not a new one.
            pending.Keep(name, document, summaries.Provider, summaries.PromptVersion);
            LogKeptForRetry(logger, exception, name);
            throw;
        }
    }

    /// <summary>A current result written for an earlier upload of the same text names that upload's ETag. It is
    /// rewritten (no model call) to name this version, so listings that see only ETags (the backfill plan) agree
    /// with the hash. Returns the result as stored, or <c>null</c> when another writer changed it first: decide again.</summary>
    public async Task<SummaryDocument?> RefreshVersionAsync(
        string name, SummaryDocument current, SourceInfo source, string resultETag, CancellationToken cancellationToken)
    {
        if (ArticleVersion.SameETag(current.Source.ETag, source.ETag))
        {
            LogAlreadyCurrent(logger, name, source.Sha256);
            return current;
        }

        var refreshed = current with { Source = source };
        try
        {
            if (!await store.TryWriteResultAsync(name, refreshed, resultETag, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            LogRefreshedVersion(logger, name, source.ETag);
            return refreshed;
        }
        catch (Exception exception) when (IsStorageFault(exception))
        {
            // The result is current either way; only the ETag it names lags. The next upload or backfill refreshes it.
            LogRefreshFailed(logger, exception, name);
            return current;
        }
    }

    /// <summary>The output kept for this text at this length, if an earlier attempt could not write it.</summary>
    public SummaryDocument? Kept(string name, string? sha256, SummaryLength length) =>
        pending.Find(name, sha256, summaries.Provider, summaries.PromptVersion) is { } found && (!found.IsOk || length.Matches(found.Length)) ? found : null;

    /// <summary>The output kept for this very version, whatever its length (a poison message names a version).</summary>
    public SummaryDocument? KeptForVersion(string name, string etag) =>
        pending.FindVersion(name, etag, summaries.Provider, summaries.PromptVersion);

    public void Forget(string name, SummaryDocument written) =>
        pending.Forget(name, written.Source.Sha256, summaries.Provider, summaries.PromptVersion);

    public static bool IsStorageFault(Exception exception) =>
        exception is RequestFailedException or HttpRequestException or IOException or TimeoutException;
}
