namespace NewsSummarizer.Processing;

/// <summary>Why an article is in a backfill, and when it was last written.</summary>
public sealed record BackfillCandidate(string Name, BackfillSelection Reason, DateTimeOffset? LastModified = null);
