using Azure;
using Azure.Storage.Blobs;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Testing;

/// <summary>Reading and waiting for the result document beside an article: the one copy every test and the throughput
/// harness use.</summary>
public static class StoredResults
{
    /// <summary>The result beside <paramref name="name"/>, or <c>null</c> when there is none (or it is not a result document).</summary>
    public static async Task<SummaryDocument?> ReadAsync(BlobContainerClient container, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        try
        {
            var content = await container.GetBlobClient(SummaryBlobNames.ResultFor(name)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return SummaryJson.TryDeserialize(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Polls until the result beside <paramref name="name"/> satisfies <paramref name="done"/> (any result when
    /// <c>null</c>); the timeout's message says what was there last.</summary>
    public static async Task<SummaryDocument> WaitForAsync(
        BlobContainerClient container, string name, Func<SummaryDocument, bool>? done, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        SummaryDocument? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await ReadAsync(container, name, cancellationToken).ConfigureAwait(false);
            if (last is not null && (done is null || done(last)))
            {
                return last;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"{name}: no matching result within {timeout.TotalSeconds} s; it is {last?.Status ?? "missing"} ({last?.Error?.Message}).");
    }
}
