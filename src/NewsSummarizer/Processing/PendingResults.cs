using System.Text;
using System.Text.Json;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing;

/// <summary>Results the model produced whose write failed, kept so the next attempt writes them instead of paying again.</summary>
/// <remarks>Keyed by article name, text hash, provider and prompt version, so an entry is only used for the same text
/// summarised the same way; bounded in count and age. With a directory (<c>Summarizer__KeptResultsDirectory</c>) each
/// entry is also a file (<see cref="KeptResultFiles"/>), so paid work outlives a restart on the same machine: the
/// DevHost rebuilding its application after a storage outage, a Functions worker restarted on the same instance.
/// A retry that lands on another instance pays the model again.</remarks>
public sealed class PendingResults
{
    /// <summary>At most this many results are kept; the oldest goes first.</summary>
    public const int Capacity = 256;

    /// <summary>Longer than the trigger's retries with their visibility timeouts; after that the entry is dropped.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private readonly Dictionary<Key, Entry> entries = [];
    private readonly TimeProvider time;
    private readonly string? directory;

    /// <param name="directory">Where entries are kept as files; <c>null</c> keeps them in memory only.</param>
    public PendingResults(TimeProvider time, string? directory = null)
    {
        this.time = time;
        this.directory = directory;
        if (directory is not null)
        {
            Load(directory);
        }
    }

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
                Remove(entries.MinBy(pair => pair.Value.Kept).Key);
            }

            var key = new Key(name, sha256, provider, promptVersion);
            var entry = new Entry(document, time.GetUtcNow());
            entries[key] = entry;
            Save(key, entry);
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
            var key = new Key(name, sha256, provider, promptVersion);
            return entries.TryGetValue(key, out var entry) || (directory is not null && TryLoad(FileOf(directory, key), out entry))
                ? entry.Document
                : null;
        }
    }

    /// <summary>The kept result made from blob version <paramref name="etag"/>, for the poison path, which knows the
    /// version that failed but never reads the text.</summary>
    public SummaryDocument? FindVersion(string name, string etag, ModelProvider provider, string promptVersion)
    {
        lock (entries)
        {
            Expire();
            var found = Version();
            if (found is null && directory is not null)
            {
                // Another process on this machine (the application the DevHost replaced) may have kept it since.
                Load(directory);
                found = Version();
            }

            return found;
        }

        SummaryDocument? Version() => entries
            .Where(pair => pair.Key.Name == name && pair.Key.Provider == provider && pair.Key.PromptVersion == promptVersion &&
                ArticleVersion.SameETag(pair.Value.Document.Source.ETag, etag))
            .Select(pair => pair.Value.Document)
            .FirstOrDefault();
    }

    public void Forget(string name, string? sha256, ModelProvider provider, string promptVersion)
    {
        if (sha256 is not null)
        {
            lock (entries)
            {
                Remove(new Key(name, sha256, provider, promptVersion));
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
            Remove(key);
        }
    }

    private void Remove(Key key)
    {
        if (entries.Remove(key) && directory is not null)
        {
            KeptResultFiles.TryDelete(FileOf(directory, key));
        }
    }

    private void Save(Key key, Entry entry)
    {
        if (directory is not null)
        {
            KeptResultFiles.Write(FileOf(directory, key), new(key.Name, key.Sha256, key.Provider, key.PromptVersion, entry.Kept,
                JsonSerializer.SerializeToElement(entry.Document, SummaryJson.CompactOptions)));
        }
    }

    private void Load(string from)
    {
        IEnumerable<string> files;
        try
        {
            Directory.CreateDirectory(from);
            files = Directory.EnumerateFiles(from, "*.json").ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var file in files)
        {
            TryLoad(file, out _);
        }

        foreach (var oldest in entries.OrderByDescending(pair => pair.Value.Kept).Skip(Capacity).Select(pair => pair.Key).ToList())
        {
            Remove(oldest);
        }
    }

    /// <summary>Adds the entry kept in <paramref name="file"/>, when it is one: a file another application on this
    /// machine wrote after this one started (the DevHost rebuilding its application while the old one's runs end)
    /// is found on the first miss. Expired or unreadable files are deleted.</summary>
    private bool TryLoad(string file, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Entry? entry)
    {
        entry = null;
        if (!File.Exists(file))
        {
            return false;
        }

        var stored = KeptResultFiles.Read(file);
        if (stored is null || stored.Kept < time.GetUtcNow() - MaxAge ||
            SummaryJson.TryDeserialize(Encoding.UTF8.GetBytes(stored.Document.GetRawText())) is not { } document)
        {
            KeptResultFiles.TryDelete(file);
            return false;
        }

        var key = new Key(stored.Name, stored.Sha256, stored.Provider, stored.PromptVersion);
        if (FileOf(directory!, key) != file)
        {
            return false;
        }

        entry = new Entry(document, stored.Kept);
        entries[key] = entry;
        return true;
    }

    private static string FileOf(string directory, Key key) =>
        KeptResultFiles.FileOf(directory, key.Name, key.Sha256, key.Provider, key.PromptVersion);

    private readonly record struct Key(string Name, string Sha256, ModelProvider Provider, string PromptVersion);

    private sealed record Entry(SummaryDocument Document, DateTimeOffset Kept);
}
