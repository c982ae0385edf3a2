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

    /// <summary>How long a test waits for one article's result by default: the polling trigger picks a blob up in a
    /// second or two, a DevHost start-up and a model call add a few more.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Polls until the result beside <paramref name="name"/> satisfies <paramref name="done"/> (any result when
    /// <c>null</c>); the timeout's message says what was there last.</summary>
    public static async Task<SummaryDocument> WaitForAsync(
        BlobContainerClient container,
        string name,
        Func<SummaryDocument, bool>? done = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var patience = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + patience;
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
            $"{name}: no matching result within {patience.TotalSeconds} s; it is {(last is null ? "missing" : WireNames.Of(last.Status))} ({last?.Error?.Message}).");
    }

    /// <summary>Polls the container until <paramref name="expected"/> articles have a final result (waiting markers do
    /// not count), riding out storage outages; the timeout's message names articles still without one.</summary>
    public static async Task<List<SummaryDocument>> WaitForAllAsync(BlobContainerClient container, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var results = new Dictionary<string, SummaryDocument>(StringComparer.Ordinal);
        var articles = new HashSet<string>(StringComparer.Ordinal);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await foreach (var blob in container.GetBlobsAsync())
                {
                    if (!SummaryBlobNames.IsResult(blob.Name))
                    {
                        articles.Add(blob.Name);
                    }
                    else if (!results.ContainsKey(blob.Name))
                    {
                        var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
                        var document = SummaryJson.TryDeserialize(content.Value.Content.ToMemory().Span)
                            ?? throw new InvalidOperationException($"{blob.Name} is not a result document.");
                        if (document.Status != SummaryStatus.Waiting)
                        {
                            // A waiting marker is not a result: its scheduled attempt replaces it.
                            results[blob.Name] = document;
                        }
                    }
                }
            }
            catch (RequestFailedException)
            {
                // Storage may be down on purpose (outage tests): look again shortly.
            }
            catch (HttpRequestException)
            {
            }

            if (results.Count >= expected)
            {
                return [.. results.Values];
            }

            await Task.Delay(500);
        }

        var missing = articles.Where(name => !results.ContainsKey(SummaryBlobNames.ResultFor(name))).Order(StringComparer.Ordinal).Take(10);
        throw new TimeoutException($"{results.Count} of {expected} results after {timeout.TotalSeconds} s; without one: {string.Join(", ", missing)}.");
    }
}
