using NewsSummarizer.Summaries;

namespace NewsSummarizer.Storage;

/// <summary>A stored result: the document and the blob's ETag for a conditional overwrite. <see cref="Document"/> is
/// <c>null</c> when the blob is not a result the service can trust (too large, not JSON, not valid against the
/// schema); <see cref="Problem"/> then says why. Such a result counts as missing and is replaced.</summary>
public sealed record StoredResult(SummaryDocument? Document, string ETag, string? Problem = null);
