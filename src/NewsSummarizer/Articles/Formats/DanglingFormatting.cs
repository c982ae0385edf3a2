namespace NewsSummarizer.Articles.Formats;

/// <summary>The formatting elements a parser keeps in its list of active formatting elements after closing them
/// implicitly (HTML 13.2.4.3), in order, for <see cref="HtmlTreeEstimate"/>; each operation costs O(1) amortised,
/// so hostile markup cannot make the pre-scan quadratic.</summary>
internal sealed class DanglingFormatting
{
    // Entries in order; a removed entry stays as a tombstone until the list is drained.
    private readonly List<(string Name, string Key, bool Removed)> entries = [];
    private readonly Dictionary<string, Stack<int>> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> byKey = new(StringComparer.Ordinal);

    public bool IsEmpty => byKey.Count == 0;

    /// <summary>Adds a formatting element closed implicitly, unless three with the same tag and attributes are there
    /// already (the "Noah's Ark" clause).</summary>
    public void Add(string name, string key)
    {
        var same = byKey.GetValueOrDefault(key);
        if (same >= 3)
        {
            return;
        }

        byKey[key] = same + 1;
        if (!byName.TryGetValue(name, out var indices))
        {
            byName[name] = indices = new Stack<int>();
        }

        indices.Push(entries.Count);
        entries.Add((name, key, false));
    }

    /// <summary>Drops the last entry named <paramref name="name"/> (its end tag met it dangling: the adoption agency
    /// removes it from the list).</summary>
    public void RemoveLast(string name)
    {
        if (byName.TryGetValue(name, out var indices) && indices.TryPop(out var index))
        {
            var (entryName, key, _) = entries[index];
            entries[index] = (entryName, key, true);
            if (--byKey[key] == 0)
            {
                byKey.Remove(key);
            }
        }
    }

    /// <summary>The entries in order, emptying the list: the parser opens each again.</summary>
    public IEnumerable<(string Name, string Key)> Drain()
    {
        var live = entries.Where(entry => !entry.Removed).Select(entry => (entry.Name, entry.Key)).ToList();
        entries.Clear();
        byName.Clear();
        byKey.Clear();
        return live;
    }
}
