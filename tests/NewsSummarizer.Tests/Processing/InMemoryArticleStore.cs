using System.Runtime.CompilerServices;
using System.Text;
using Azure;

namespace NewsSummarizer.Tests.Processing;

/// <summary>An article store in memory with Blob Storage's conditional-write rules (If-None-Match *, If-Match), new
/// ETags on every write, results read back through the same validation as <see cref="BlobArticleStore"/>, and hooks
/// to inject interleavings and storage faults at the moment a result is written.</summary>
internal sealed class InMemoryArticleStore : IArticleStore
{
    private readonly Dictionary<string, (byte[] Content, string ETag, string ContentType, Dictionary<string, string>? Metadata)> articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (byte[] Content, string ETag)> results = new(StringComparer.Ordinal);
    private int version;
    private int resultReads;

    public string Container => "articles";

    /// <summary>Runs before a result write is applied (it may await other runs); gets the article name and document.</summary>
    public Func<string, SummaryDocument, Task>? BeforeWrite { get; set; }

    /// <summary>Runs after a result write was applied.</summary>
    public Action<string, SummaryDocument>? AfterWrite { get; set; }

    /// <summary>Thrown by the next result writes, one per write, before the condition is checked.</summary>
    public Queue<Exception> WriteFaults { get; } = new();

    /// <summary>Every result write that succeeded, in order.</summary>
    public List<SummaryDocument> Writes { get; } = [];

    public int ContentReads { get; private set; }

    /// <summary>How many times a result was read.</summary>
    public int ResultReads => Volatile.Read(ref resultReads);

    /// <summary>Lists every blob with the same Last-Modified, as writes within one second are listed.</summary>
    public bool AllInOneSecond { get; set; }

    public string PutArticle(string name, string text, string contentType = "text/plain; charset=utf-8", Dictionary<string, string>? metadata = null)
    {
        lock (articles)
        {
            var etag = NextETag();
            articles[name] = (Encoding.UTF8.GetBytes(text), etag, contentType, metadata);
            return etag;
        }
    }

    /// <summary>Plants raw bytes as the result of <paramref name="articleName"/>, as anyone with write access could.</summary>
    public string PutRawResult(string articleName, string json)
    {
        lock (articles)
        {
            var etag = NextETag();
            results[articleName] = (Encoding.UTF8.GetBytes(json), etag);
            return etag;
        }
    }

    public SummaryDocument? Result(string articleName)
    {
        lock (articles)
        {
            return results.TryGetValue(articleName, out var result) ? SummaryJson.TryDeserialize(result.Content) : null;
        }
    }

    public Task<ArticleBlob?> GetArticleAsync(string name, long maxBytes, CancellationToken cancellationToken)
    {
        lock (articles)
        {
            if (!articles.TryGetValue(name, out var article))
            {
                return Task.FromResult<ArticleBlob?>(null);
            }

            var readContent = article.Content.Length <= maxBytes;
            ContentReads += readContent && article.Content.Length > 0 ? 1 : 0;
            return Task.FromResult<ArticleBlob?>(new ArticleBlob(
                Container, name, article.ETag, article.ContentType, article.Content.Length, readContent ? article.Content.ToArray() : null, article.Metadata));
        }
    }

    public Task<bool> ArticleExistsAsync(string name, CancellationToken cancellationToken)
    {
        lock (articles)
        {
            return Task.FromResult(articles.ContainsKey(name));
        }
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync(string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<StoredBlob> blobs;
        lock (articles)
        {
            blobs = articles.Select(a => new StoredBlob(a.Key, a.Value.ETag, a.Value.Content.Length, WrittenAt(a.Value.ETag), a.Value.Metadata))
                .Concat(results.Select(r => new StoredBlob(SummaryBlobNames.ResultFor(r.Key), r.Value.ETag, r.Value.Content.Length, WrittenAt(r.Value.ETag))))
                .Where(b => prefix is null || b.Name.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(b => b.Name, StringComparer.Ordinal)
                .ToList();
        }

        foreach (var blob in blobs)
        {
            await Task.Yield();
            yield return blob;
        }
    }

    public Task<StoredResult?> GetResultAsync(string articleName, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref resultReads);
        if (SummaryBlobNames.ResultFor(articleName).Length > ArticleNames.MaxBlobNameLength)
        {
            // What Blob Storage answers for a name over its limit.
            throw new RequestFailedException(400, "The specified resource name length is not within the permissible limits.", "OutOfRangeInput", null);
        }

        lock (articles)
        {
            if (!results.TryGetValue(articleName, out var result))
            {
                return Task.FromResult<StoredResult?>(null);
            }

            if (result.Content.Length > SummaryJson.MaxResultBytes)
            {
                return Task.FromResult<StoredResult?>(new StoredResult(null, result.ETag, SummaryJson.TooLarge(result.Content.Length)));
            }

            var document = SummaryJson.TryRead(result.Content, out var problem);
            return Task.FromResult<StoredResult?>(new StoredResult(document, result.ETag, problem));
        }
    }

    public async Task<bool> TryWriteResultAsync(string articleName, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        if (BeforeWrite is { } hook)
        {
            await hook(articleName, document).ConfigureAwait(false);
        }

        lock (articles)
        {
            if (WriteFaults.TryDequeue(out var fault))
            {
                throw fault;
            }

            var exists = results.TryGetValue(articleName, out var current);
            if (ifMatch is null ? exists : !exists || current.ETag != ifMatch)
            {
                return false;
            }

            results[articleName] = (SummaryJson.Serialize(document), NextETag());
            Writes.Add(document);
        }

        AfterWrite?.Invoke(articleName, document);
        return true;
    }

    public static RequestFailedException ServerBusy() => new(503, "The server is busy.", "ServerBusy", null);

    private string NextETag() => $"\"0x{Interlocked.Increment(ref version):X4}\"";

    // Last-Modified as the listing reports it: one second per write, so later writes list as newer; or, with
    // AllInOneSecond, the same for every write (Blob Storage lists it to the second).
    private DateTimeOffset WrittenAt(string etag) => AllInOneSecond
        ? DateTimeOffset.UnixEpoch
        : DateTimeOffset.UnixEpoch.AddSeconds(int.Parse(etag.AsSpan(3, etag.Length - 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
}
