namespace NewsSummarizer.Processing;

/// <summary>Why an article is in a backfill, and when it was last written (and as which version, when listed).</summary>
public sealed record BackfillCandidate(string Name, BackfillSelection Reason, DateTimeOffset? LastModified = null, string? ETag = null);
