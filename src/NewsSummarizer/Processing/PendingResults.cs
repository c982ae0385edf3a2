using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing;

/// <summary>Results the model produced whose write failed with a storage fault, kept so the trigger's next attempt
/// writes them instead of paying the model again. Keyed by article name, text hash, provider and prompt version, so
/// an entry is only ever used for the same text summarised the same way. Bounded in count and age.
/// <para>With a directory (<c>Summarizer__KeptResultsDirectory</c>; by default one under the temp directory per
/// storage account and container), each entry is also a file, so paid work outlives a restart of the process on the
/// same machine: the DevHost rebuilding its application after a storage outage, a Functions worker restarted on the
/// same instance. A retry that lands on another instance pays the model again.</para></summary>
public sealed class PendingResults
{
    /// <summary>At most this many results are kept; the oldest goes first.</summary>
    public const int Capacity = 256;

    /// <summary>Longer than the trigger's retries with their visibility timeouts; after that the entry is dropped.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    // A kept result is a small JSON document; anything bigger in the directory is not ours.
    private const long MaxFileBytes = 4 * 1024 * 1024;

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
                    ArticleVersion.SameETag(pair.Value.Document.Source.ETag, etag))
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
            TryDelete(FileOf(directory, key));
        }
    }

    // Written to a temporary name and moved into place, so a crash never leaves half a file under the entry's name.
    private void Save(Key key, Entry entry)
    {
        if (directory is null)
        {
            return;
        }

        var file = FileOf(directory, key);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var stored = new StoredEntry(key.Name, key.Sha256, key.Provider, key.PromptVersion, entry.Kept,
                JsonSerializer.SerializeToElement(entry.Document, SummaryJson.CompactOptions));
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(stored));
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The disk is a second chance, not a requirement: the entry stays in memory.
            TryDelete(temporary);
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

        var cutoff = time.GetUtcNow() - MaxAge;
        foreach (var file in files)
        {
            var stored = Read(file);
            if (stored is null || stored.Kept < cutoff || SummaryJson.TryDeserialize(Encoding.UTF8.GetBytes(stored.Document.GetRawText())) is not { } document)
            {
                TryDelete(file);
                continue;
            }

            var key = new Key(stored.Name, stored.Sha256, stored.Provider, stored.PromptVersion);
            if (FileOf(from, key) == file)
            {
                entries[key] = new Entry(document, stored.Kept);
            }
        }

        foreach (var oldest in entries.OrderByDescending(pair => pair.Value.Kept).Skip(Capacity).Select(pair => pair.Key).ToList())
        {
            Remove(oldest);
        }
    }

    private static StoredEntry? Read(string file)
    {
        try
        {
            return new FileInfo(file).Length > MaxFileBytes ? null : JsonSerializer.Deserialize<StoredEntry>(File.ReadAllBytes(file));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string FileOf(string directory, Key key) => Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes($"{key.Name}\n{key.Sha256}\n{key.Provider}\n{key.PromptVersion}")))[..32] + ".json");

    /// <summary>The default directory for one storage account's container: under the temp directory, so it is the
    /// machine's (or the Functions instance's) own.</summary>
    public static string DefaultDirectory(Uri blobService, string container)
    {
        ArgumentNullException.ThrowIfNull(blobService);
        var scope = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{blobService.AbsoluteUri}\n{container}")))[..16];
        return Path.Combine(Path.GetTempPath(), "newsummarizer", "kept-results", scope);
    }

    private readonly record struct Key(string Name, string Sha256, ModelProvider Provider, string PromptVersion);

    private sealed record Entry(SummaryDocument Document, DateTimeOffset Kept);

    private sealed record StoredEntry(string Name, string Sha256, ModelProvider Provider, string PromptVersion, DateTimeOffset Kept, JsonElement Document);
}
