namespace NewsSummarizer.Throughput;

/// <summary>With <c>--trace FILE</c>: every outgoing HTTP request (storage, model) and every article run, as one line
/// each (start UTC, duration ms, source, name, URL or article, trace id), to see where a burst's first second goes.</summary>
internal sealed class TraceDump : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();
    private readonly ActivityListener listener;

    public TraceDump()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "System.Net.Http" || source.Name.StartsWith("NewsSummarizer", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => lines.Enqueue(string.Create(CultureInfo.InvariantCulture,
                $"{activity.StartTimeUtc:HH:mm:ss.ffffff} {activity.Duration.TotalMilliseconds:F1} {activity.Source.Name} {activity.DisplayName} {activity.GetTagItem("url.full") ?? activity.GetTagItem("newssummarizer.article.name")} {activity.TraceId}")),
        };
        ActivitySource.AddActivityListener(listener);
    }

    public Task WriteAsync(string path, CancellationToken cancellationToken) => File.WriteAllLinesAsync(path, lines, cancellationToken);

    public void Dispose() => listener.Dispose();
}
