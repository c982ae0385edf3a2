namespace NewsSummarizer.DevHost;

/// <summary>Settings of <see cref="MissedArticleSweep"/> (section <c>DevHost</c>).</summary>
internal sealed class SweepOptions
{
    /// <summary>How often the container is listed, at most (a listing that takes longer than a tenth of this spaces
    /// the next further out); zero turns the sweep off. An upload waits half of it on average before its run starts.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long after its upload the sweep leaves an article to the trigger; none by default, because the
    /// sweep skips articles a run holds and the processor serialises per article (the second run finds the result).</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.Zero;

    /// <summary>Articles the sweep runs at once: the trigger's (host.json <c>blobs.maxDegreeOfParallelism</c>).</summary>
    public int Parallelism { get; set; }

    /// <summary>Failed runs of one version before the sweep leaves it alone: the trigger's (<c>blobs.poisonBlobThreshold</c>).</summary>
    public int FailureLimit { get; set; }
}
