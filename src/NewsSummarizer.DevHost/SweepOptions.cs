namespace NewsSummarizer.DevHost;

/// <summary>Settings of <see cref="MissedArticleSweep"/> (section <c>DevHost</c>).</summary>
internal sealed class SweepOptions
{
    /// <summary>How often the container is checked; zero turns the sweep off.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an article may wait for the trigger before the sweep takes it.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(20);
}
