using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles.Formats;
using NewsSummarizer.Processing;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Storage;

/// <summary>Uploads article files to the articles container, named by their path relative to what the user gave.</summary>
public sealed class ArticleUploader(BlobServiceClient service, IOptions<StorageOptions> options)
{
    private readonly BlobContainerClient container = service.GetBlobContainerClient(options.Value.ArticlesContainer);

    public async Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Uploads one file (overwriting an older version of the article) and returns the new version's ETag.</summary>
    /// <param name="length">When not the default, written as the blob's <c>summary_length</c> metadata
    /// (<see cref="ArticleBlob.SummaryLengthMetadata"/>), which the processor summarises to.</param>
    public async Task<string> UploadAsync(string path, string blobName, SummaryLength? length, CancellationToken cancellationToken)
    {
        if (ArticleNames.Validate(blobName) is { } invalid)
        {
            throw new ArgumentException($"'{blobName}' cannot be an article: {invalid.Message}", nameof(blobName));
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var response = await container.GetBlobClient(blobName).UploadAsync(
                stream,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(path) },
                    Metadata = length?.Label is { } label ? new Dictionary<string, string> { [ArticleBlob.SummaryLengthMetadata] = label } : null,
                },
                cancellationToken).ConfigureAwait(false);
            return ArticleVersion.FormOf(response.Value.ETag);
        }
    }

    /// <summary>Files given directly keep their name; files found in a folder keep their path below it.</summary>
    public static IEnumerable<(string Path, string BlobName)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (!SummaryBlobNames.IsResult(file) && !Path.GetFileName(file).StartsWith('.'))
                    {
                        yield return (file, Path.GetRelativePath(path, file).Replace('\\', '/'));
                    }
                }
            }
            else if (File.Exists(path))
            {
                yield return (path, Path.GetFileName(path));
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);
            }
        }
    }

    /// <summary>The content type an article file is stored with, from its extension (<see cref="FormatRegistry"/>).</summary>
    public static string ContentTypeOf(string path) => FormatRegistry.ContentTypeFor(path);
}
