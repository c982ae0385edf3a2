using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NewsSummarizer.Processing;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Storage;

/// <summary><see cref="IArticleStore"/> over Azure Blob Storage (or Azurite).</summary>
public sealed class BlobArticleStore(BlobServiceClient service, IOptions<StorageOptions> options) : IArticleStore
{
    private const string ResultContentType = "application/json; charset=utf-8";

    private readonly BlobContainerClient container = service.GetBlobContainerClient(options.Value.ArticlesContainer);

    public string Container => container.Name;

    public async Task<ArticleBlob?> GetArticleAsync(string name, long maxBytes, CancellationToken cancellationToken)
    {
        if (maxBytes <= 0)
        {
            // Properties only (a HEAD request): the poison path needs the version, never the content.
            return await GetArticlePropertiesAsync(name, cancellationToken).ConfigureAwait(false);
        }

        // One request: the response headers give the version and length before the body is read, so a blob over the
        // limit is not read (disposing the response drops its body), and the bytes always match the ETag returned.

        BlobDownloadStreamingResult download;
        try
        {
            download = (await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }

        using (download)
        {
            var details = download.Details;
            var etag = ArticleVersion.FormOf(details.ETag);
            var length = details.ContentLength;
            if (length > maxBytes)
            {
                return new ArticleBlob(Container, name, etag, details.ContentType, length, null, Copy(details.Metadata));
            }

            // Read into an array of the exact length: no growing buffers for a large article.
            var content = new byte[length];
            await download.Content.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
            return new ArticleBlob(Container, name, etag, details.ContentType, length, content, Copy(details.Metadata));
        }
    }

    private static Dictionary<string, string>? Copy(IDictionary<string, string>? metadata) =>
        metadata is null ? null : new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);

    private async Task<ArticleBlob?> GetArticlePropertiesAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            var empty = properties.ContentLength == 0 ? ReadOnlyMemory<byte>.Empty : (ReadOnlyMemory<byte>?)null;
            return new ArticleBlob(Container, name, ArticleVersion.FormOf(properties.ETag), properties.ContentType, properties.ContentLength, empty, Copy(properties.Metadata));
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ArticleExistsAsync(string name, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(name).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    public async IAsyncEnumerable<StoredBlob> ListAsync(string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // With metadata: the backfill plan judges a result against the summary_length its article asks for.
        await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredBlob(
                item.Name, item.Properties.ETag is { } etag ? ArticleVersion.FormOf(etag) : string.Empty, item.Properties.ContentLength ?? 0, item.Properties.LastModified,
                Copy(item.Metadata));
        }
    }

    public async Task<StoredResult?> GetResultAsync(string articleName, CancellationToken cancellationToken)
    {
        // Streamed, so the length is known before the body is read: an oversized blob (planted, or not ours) is not read.
        BlobDownloadStreamingResult download;
        try
        {
            download = (await container.GetBlobClient(SummaryBlobNames.ResultFor(articleName))
                .DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }

        using (download)
        {
            var etag = ArticleVersion.FormOf(download.Details.ETag);
            var length = download.Details.ContentLength;
            if (length > SummaryJson.MaxResultBytes)
            {
                return new StoredResult(null, etag, SummaryJson.TooLarge(length));
            }

            var content = new byte[length];
            await download.Content.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
            var document = SummaryJson.TryRead(content, out var problem);
            return new StoredResult(document, etag, problem);
        }
    }

    public async Task<bool> TryWriteResultAsync(string articleName, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken)
    {
        // The processor has checked the name already; a write is where an unchecked name would do harm elsewhere.
        if (ArticleNames.Validate(articleName) is { } invalid)
        {
            throw new ArgumentException(invalid.Message, nameof(articleName));
        }

        var conditions = ifMatch is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(ifMatch) };
        try
        {
            await container.GetBlobClient(SummaryBlobNames.ResultFor(articleName)).UploadAsync(
                BinaryData.FromBytes(SummaryJson.Serialize(document)),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = ResultContentType } },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }
}
