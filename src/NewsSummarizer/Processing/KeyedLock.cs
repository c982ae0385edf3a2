namespace NewsSummarizer.Processing;

/// <summary>One asynchronous lock per key, created on demand and dropped when nobody holds or waits for it.</summary>
internal sealed class KeyedLock
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Whether someone holds or waits for the key's lock now.</summary>
    public bool IsBusy(string key)
    {
        lock (entries)
        {
            return entries.ContainsKey(key);
        }
    }

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (entries)
        {
            if (!entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, entry, held: false);
            throw;
        }

        return new Holder(this, key, entry);
    }

    private void Leave(string key, Entry entry, bool held)
    {
        lock (entries)
        {
            if (held)
            {
                entry.Gate.Release();
            }

            if (--entry.Users == 0)
            {
                entries.Remove(key);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Holder(KeyedLock owner, string key, Entry entry) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(key, entry, held: true);
            }
        }
    }
}
