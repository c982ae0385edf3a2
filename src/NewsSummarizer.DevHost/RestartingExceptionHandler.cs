using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;

namespace NewsSummarizer.DevHost;

/// <summary>The WebJobs SDK treats a failure of a trigger listener (for example storage vanishing long enough for a
/// receipt's lease to expire) as fatal and rethrows it on a thread of its own, which ends the process.</summary>
/// <remarks>The Functions host restarts its job host instead; the DevHost does the same: it logs, stops, and <see
/// cref="DevHostApplication.RunAsync"/> builds it again. Unfinished articles are picked up again because the trigger's
/// receipts record only completed work.</remarks>
internal sealed partial class RestartingExceptionHandler(
    RestartRequest restart, IHostApplicationLifetime lifetime, ILogger<RestartingExceptionHandler> logger) : IWebJobsExceptionHandler
{
    public void Initialize(Microsoft.Azure.WebJobs.JobHost host)
    {
    }

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => Restart(exceptionInfo);

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo) => Restart(exceptionInfo);

    private Task Restart(ExceptionDispatchInfo exceptionInfo)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        LogRestarting(logger, exceptionInfo.SourceException);
        restart.Request();
        lifetime.StopApplication();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The trigger host failed; restarting the DevHost (as the Functions host restarts its job host)")]
    private static partial void LogRestarting(ILogger logger, Exception exception);
}
