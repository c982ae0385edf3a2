using Microsoft.Extensions.Options;
using NewsSummarizer.Processing;

namespace NewsSummarizer.DevHost;

/// <summary>The polling blob trigger can miss a blob that lands while it scans the container (the scan remembers the
/// newest timestamp it saw, and a blob listed too late with an older one is passed over), a new upload of an
/// article included. In Azure the Event Grid source has no such gap; locally this sweep takes any article still
/// without a result, or uploaded again since its result was made (the result names another version), once a grace
/// period has passed, and runs it through the same
/// <see cref="ArticleProcessor"/> (which serialises work per article, so the sweep and the trigger never both call
/// the model for one). A version written after its result is taken once: if the processor leaves the result as it
/// is, the sweep does not come back to that version.</summary>
internal sealed partial class MissedArticleSweep(
    BackfillService backfill,
    ArticleProcessor processor,
    TimeProvider time,
    IOptions<SweepOptions> options,
    ILogger<MissedArticleSweep> logger) : BackgroundService
{
    // Article versions (ETag by name) that need nothing more: swept once already, or answered by their result.
    private readonly Dictionary<string, string> settled = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.SweepInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepAsync(settings.SweepGrace, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Storage may be down; the next tick tries again.
                LogSweepFailed(logger, exception.Message);
            }
        }
    }

    private async Task SweepAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - grace;
        var plan = await backfill.FindMissedAsync(settled, cancellationToken).ConfigureAwait(false);
        foreach (var candidate in plan.Where(c => c.LastModified is { } modified && modified < cutoff))
        {
            if (candidate is { Reason: BackfillSelection.Stale, ETag: { } etag })
            {
                settled[candidate.Name] = etag;
            }

            LogSweeping(logger, candidate.Name);
            try
            {
                await processor.ProcessAsync(candidate.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The trigger's retries (or the next sweep) take it from here.
                LogSweepFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summarising {Name}: the trigger has not picked up this version")]
    private static partial void LogSweeping(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep for missed articles failed this time: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
