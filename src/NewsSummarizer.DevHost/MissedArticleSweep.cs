using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsSummarizer.Processing;

namespace NewsSummarizer.DevHost;

/// <summary>Takes, locally, the articles the polling blob trigger missed, with the trigger's parallelism.</summary>
/// <remarks>The polling trigger can miss a blob that lands while it scans the container (the scan remembers the newest
/// timestamp it saw, and a blob listed too late with an older one is passed over), a new upload included; in a burst
/// it misses many. In Azure the Event Grid source has no such gap. Locally this sweep lists the container every <see
/// cref="SweepOptions.SweepInterval"/> (less often when listing takes long: <see cref="NextListingAfter"/>) and takes
/// any article still without a result, or uploaded again since its result was made, that no run in this process holds
/// (so it is in effect the primary local trigger, and the polling trigger a second path that finds the work done): with
/// the trigger's bounded parallelism (host.json <c>blobs.maxDegreeOfParallelism</c>), through the same <see
/// cref="ArticleProcessor"/>, which serialises work per article, so the sweep and the trigger never both call the model
/// for one. As the trigger, it gives up on a version after <c>blobs.poisonBlobThreshold</c> failed runs (the trigger's
/// poison path records it); a version written after its result is taken once.</remarks>
internal sealed partial class MissedArticleSweep(
    BackfillService backfill,
    ArticleProcessor processor,
    SweptVersions swept,
    TimeProvider time,
    IOptions<SweepOptions> options,
    ILogger<MissedArticleSweep> logger) : BackgroundService
{
    // Article versions (ETag by name) that need nothing more from the sweep: swept once already (stale results),
    // answered by their result, or failed as often as the trigger allows.
    private readonly ConcurrentDictionary<string, string> settled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string? ETag), int> failures = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.SweepInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var slots = new SemaphoreSlim(settings.Parallelism);
        try
        {
            // The first listing after one interval (the container may still be being created), then one interval
            // (or ten listings' time) after each listing began.
            var wait = settings.SweepInterval;
            while (true)
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }

                var began = time.GetTimestamp();
                var listing = TimeSpan.Zero;
                try
                {
                    listing = await SweepAsync(settings, slots, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Storage may be down; the next listing tries again.
                    LogSweepFailed(logger, exception.Message);
                }

                wait = NextListingAfter(settings.SweepInterval, listing) - time.GetElapsedTime(began);
            }
        }
        finally
        {
            // Nothing started here outlives the host: the runs end with the stopping token.
            await Task.WhenAll(running.Values).ConfigureAwait(false);
        }
    }

    /// <summary>How long after one listing began the next begins: <paramref name="interval"/>, or ten times what the
    /// listing took when that is longer, so the sweep spends at most a tenth of its time listing (a container of
    /// many thousand blobs is listed every few seconds, not back to back).</summary>
    internal static TimeSpan NextListingAfter(TimeSpan interval, TimeSpan listing) =>
        listing * 10 > interval ? listing * 10 : interval;

    /// <returns>How long the listing took.</returns>
    private async Task<TimeSpan> SweepAsync(SweepOptions settings, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - settings.SweepGrace;
        var listed = time.GetTimestamp();
        var plan = await backfill.FindMissedAsync(settled, cancellationToken).ConfigureAwait(false);
        var listing = time.GetElapsedTime(listed);
        // An article the trigger is running now is left to it (no slot waits on its lock).
        foreach (var candidate in plan.Where(c => c.LastModified is { } modified && modified <= cutoff && !running.ContainsKey(c.Name) && !processor.IsBusy(c.Name)))
        {
            if (candidate is { Reason: BackfillSelection.Stale, ETag: { } etag })
            {
                settled[candidate.Name] = etag;
            }

            // A free slot first, so a burst is taken as fast as the trigger would take it and no faster.
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            LogSweeping(logger, candidate.Name);
            // Registered before the run starts, so its end (which unregisters it) cannot come first.
            var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            running[candidate.Name] = ended.Task;
            _ = Task.Run(() => RunAsync(candidate, settings.FailureLimit, slots, ended, cancellationToken), CancellationToken.None);
        }

        return listing;
    }

    private async Task RunAsync(
        BackfillCandidate candidate, int failureLimit, SemaphoreSlim slots, TaskCompletionSource ended, CancellationToken cancellationToken)
    {
        try
        {
            // The trigger may have run it since the listing: the run reads the result first and leaves a version
            // answered meanwhile (a waiting result due again included: its retry message owns it).
            var outcome = candidate.ETag is { } listed
                ? await processor.ProcessListedAsync(candidate.Name, listed, cancellationToken).ConfigureAwait(false)
                : await processor.ProcessAsync(candidate.Name, cancellationToken).ConfigureAwait(false);
            if (outcome.Result != ProcessingResult.AnsweredSinceListing && candidate.ETag is { } etag)
            {
                swept.Add(candidate.Name, etag);
            }

            failures.TryRemove((candidate.Name, candidate.ETag), out _);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            var failed = failures.AddOrUpdate((candidate.Name, candidate.ETag), 1, (_, count) => count + 1);
            LogSweepFailed(logger, exception.Message);
            if (failed >= failureLimit && candidate.ETag is { } etag)
            {
                // As the trigger does at poisonBlobThreshold: this version is not tried again here.
                settled[candidate.Name] = etag;
                LogGaveUp(logger, candidate.Name, failed);
            }
        }
        finally
        {
            slots.Release();
            running.TryRemove(candidate.Name, out _);
            ended.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summarising {Name}: the trigger has not picked up this version")]
    private static partial void LogSweeping(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep for missed articles failed this time: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep gave up on this version of {Name} after {Failures} failed runs")]
    private static partial void LogGaveUp(ILogger logger, string name, int failures);
}
