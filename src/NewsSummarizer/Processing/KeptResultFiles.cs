using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing;

/// <summary>The files <see cref="PendingResults"/> keeps paid results in: one small JSON file per entry.</summary>
public static class KeptResultFiles
{
    // A kept result is a small JSON document; anything bigger in the directory is not ours.
    private const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The default directory for one storage account's container: under the temp directory, so it is the
    /// machine's (or the Functions instance's) own.</summary>
    public static string DefaultDirectory(Uri blobService, string container)
    {
        ArgumentNullException.ThrowIfNull(blobService);
        var scope = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{blobService.AbsoluteUri}\n{container}")))[..16];
        return Path.Combine(Path.GetTempPath(), "newsummarizer", "kept-results", scope);
    }

    internal static string FileOf(string directory, string name, string sha256, ModelProvider provider, string promptVersion) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(
            Encoding.UTF8.GetBytes($"{name}\n{sha256}\n{provider}\n{promptVersion}")))[..32] + ".json");

    /// <summary>Writes to a temporary name and moves it into place, so a crash never leaves half a file under the
    /// entry's name. The disk is a second chance, not a requirement: a failed write leaves the entry in memory only.</summary>
    internal static void Write(string file, StoredEntry stored)
    {
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(stored));
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    internal static StoredEntry? Read(string file)
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

    internal static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>One kept result as its file holds it.</summary>
    internal sealed record StoredEntry(string Name, string Sha256, ModelProvider Provider, string PromptVersion, DateTimeOffset Kept, JsonElement Document);
}
