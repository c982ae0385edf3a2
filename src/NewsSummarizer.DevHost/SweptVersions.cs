using System.Collections.Concurrent;
using NewsSummarizer.Processing;

namespace NewsSummarizer.DevHost;

/// <summary>The article versions <see cref="MissedArticleSweep"/> ran (latest ETag by name). The polling trigger often
/// delivers a version after the sweep took it; as a blob receipt would, this says the version was handled, so a
/// result the processor would run again (a <c>failed</c> one, an extractive fallback) is not paid for twice.</summary>
public sealed class SweptVersions
{
    private readonly ConcurrentDictionary<string, string> versions = new(StringComparer.Ordinal);

    public bool IsEmpty => versions.IsEmpty;

    /// <param name="etag">The version as <see cref="Storage.IArticleStore"/> gives it (one form for listings and reads).</param>
    internal void Add(string name, string etag) => versions[name] = etag;

    public bool Contains(string name, string etag) =>
        versions.TryGetValue(name, out var swept) && ArticleVersion.SameETag(swept, etag);
}
