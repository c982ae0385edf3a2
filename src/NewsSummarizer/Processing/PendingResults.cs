using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing;

/// <summary>Results the model produced whose write failed with a storage fault, kept so the trigger's next attempt
/// writes them instead of paying the model again. Keyed by article name, text hash, provider and prompt version, so
/// an entry is only ever used for the same text summarised the same way.
/// <para>In memory and per process: it survives the trigger's retries on this instance, not a restart, a scale-in or
/// a retry that lands on another instance (that one pays the model again). Bounded in count and age.</para></summary>
internal sealed class PendingResults(TimeProvider time)
{
    /// <summary>At most this many results are kept; the oldest goes first.</summary>
    public const int Capacity = 256;

    /// <summary>Longer than the trigger's retries with their visibility timeouts; after that the entry is dropped.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private readonly Dictionary<Key, Entry> entries = [];

    public void Keep(string name, SummaryDocument document, ModelProvider provider, string promptVersion)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Source.Sha256 is not { } sha256)
        {
            // Nothing was summarised (the text could not be decoded): recomputing it costs nothing.
            return;
        }

        lock (entries)
        {
            Expire();
            if (entries.Count >= Capacity)
            {
                entries.Remove(entries.MinBy(pair => pair.Value.Kept).Key);
            }

            entries[new Key(name, sha256, provider, promptVersion)] = new Entry(document, time.GetUtcNow());
        }
    }

    public SummaryDocument? Find(string name, string? sha256, ModelProvider provider, string promptVersion)
    {
        if (sha256 is null)
        {
            return null;
        }

        lock (entries)
        {
            Expire();
            return entries.TryGetValue(new Key(name, sha256, provider, promptVersion), out var entry) ? entry.Document : null;
        }
    }

    /// <summary>The kept result made from blob version <paramref name="etag"/>, for the poison path, which knows the
    /// version that failed but never reads the text.</summary>
    public SummaryDocument? FindVersion(string name, string etag, ModelProvider provider, string promptVersion)
    {
        lock (entries)
        {
            Expire();
            return entries
                .Where(pair => pair.Key.Name == name && pair.Key.Provider == provider && pair.Key.PromptVersion == promptVersion &&
                    string.Equals(pair.Value.Document.Source.ETag, etag, StringComparison.Ordinal))
                .Select(pair => pair.Value.Document)
                .FirstOrDefault();
        }
    }

    public void Forget(string name, string? sha256, ModelProvider provider, string promptVersion)
    {
        if (sha256 is not null)
        {
            lock (entries)
            {
                entries.Remove(new Key(name, sha256, provider, promptVersion));
            }
        }
    }

    public int Count
    {
        get
        {
            lock (entries)
            {
                return entries.Count;
            }
        }
    }

    private void Expire()
    {
        var cutoff = time.GetUtcNow() - MaxAge;
        foreach (var key in entries.Where(pair => pair.Value.Kept < cutoff).Select(pair => pair.Key).ToList())
        {
            entries.Remove(key);
        }
    }

    private readonly record struct Key(string Name, string Sha256, ModelProvider Provider, string PromptVersion);

    private sealed record Entry(SummaryDocument Document, DateTimeOffset Kept);
}
