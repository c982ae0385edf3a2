using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using NewsSummarizer.Articles;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Http;

/// <summary><c>GET /api/articles?prefix=&amp;continuation=&amp;pageSize=</c>: the articles in the container with their
/// status, newest first, a page at a time. The one implementation both hosts delegate to.</summary>
/// <remarks>Blob Storage lists by name only. The listing reads every name below the prefix (at most
/// <see cref="MaxArticlesListed"/> articles: 1-2 list calls of 5,000 names each), sorts them by last-modified time,
/// newest first, and pages in memory. The continuation token is the (time, name) of the last item returned, so an
/// upload between two pages lands on top and neither repeats nor hides an item further down. Above the cap the
/// response says <c>truncated</c>: only the first <see cref="MaxArticlesListed"/> names (in name order) were sorted,
/// and a narrower <c>prefix</c> reaches the rest. Each item's status costs one GET of its result document, done
/// concurrently (at most <see cref="MaxConcurrentReads"/> at once), which is why pages are small.</remarks>
public sealed partial class ArticlesApi(IArticleStore store, TimeProvider time, ILogger<ArticlesApi> logger)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxArticlesListed = 5_000;
    public const int MaxConcurrentReads = 8;
    public const int MaxPrefixLength = 1_024;

    private const string TokenVersion = "1";

    public async Task<IResult> ListAsync(string? prefix, string? continuation, string? pageSize, CancellationToken cancellationToken)
    {
        if (Validate(prefix, continuation, pageSize, out var size, out var after) is { } invalid)
        {
            return invalid;
        }

        try
        {
            var (articles, truncated) = await ListArticlesAsync(prefix, cancellationToken).ConfigureAwait(false);
            var ordered = articles.OrderByDescending(SortTime).ThenBy(blob => blob.Name, StringComparer.Ordinal);
            var remaining = after is { } key ? ordered.Where(blob => IsAfter(blob, key)) : ordered;
            var page = remaining.Take(size + 1).ToList();
            var hasMore = page.Count > size;
            if (hasMore)
            {
                page.RemoveAt(size);
            }

            var items = new ArticleItem[page.Count];
            await Parallel.ForAsync(
                0, page.Count,
                new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken },
                async (index, token) => items[index] = ToItem(page[index], await store.GetResultAsync(page[index].Name, token).ConfigureAwait(false))).ConfigureAwait(false);

            var next = hasMore ? EncodeToken(page[^1]) : null;
            return ApiResult.Json(
                StatusCodes.Status200OK,
                new ArticlePage(items, next, truncated),
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [HeaderNames.CacheControl] = "no-store" });
        }
        catch (Exception exception) when (DependencyFailure.ToProblem(exception, time, cancellationToken) is { } problem)
        {
            LogDependencyFailure(logger, exception, problem.StatusCode, ((ApiProblem)problem.Value).Code);
            return problem;
        }
    }

    internal static ArticleItem ToItem(StoredBlob blob, StoredResult? result)
    {
        var document = result?.Document;
        var status = result is null ? ArticleStatus.Pending
            : document is null ? ArticleStatus.Unreadable
            : ArticleStatus.Of(document.Status);
        var title = document?.Title is { } t && (t.Ar is not null || t.En is not null) ? t : null;
        return new ArticleItem(blob.Name, status, document?.Language, blob.LastModified, blob.Bytes, title);
    }

    internal static string EncodeToken(StoredBlob last)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{TokenVersion}:{SortTime(last).UtcTicks}:{last.Name}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    internal static bool TryDecodeToken(string token, out (long Ticks, string Name) key)
    {
        key = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split(':', 3);
        if (parts.Length != 3 || parts[0] != TokenVersion
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || parts[2].Length == 0)
        {
            return false;
        }

        key = (ticks, parts[2]);
        return true;
    }

    private async Task<(List<StoredBlob> Articles, bool Truncated)> ListArticlesAsync(string? prefix, CancellationToken cancellationToken)
    {
        var articles = new List<StoredBlob>();
        await foreach (var blob in store.ListAsync(string.IsNullOrEmpty(prefix) ? null : prefix, cancellationToken).ConfigureAwait(false))
        {
            if (SummaryBlobNames.IsResult(blob.Name))
            {
                continue;
            }

            if (articles.Count == MaxArticlesListed)
            {
                return (articles, true);
            }

            articles.Add(blob);
        }

        return (articles, false);
    }

    private static DateTimeOffset SortTime(StoredBlob blob) => blob.LastModified ?? DateTimeOffset.MinValue;

    // Sorted newest first, then by name: an item comes after the key when it is older, or as old with a later name.
    private static bool IsAfter(StoredBlob blob, (long Ticks, string Name) key)
    {
        var ticks = SortTime(blob).UtcTicks;
        return ticks < key.Ticks || (ticks == key.Ticks && string.CompareOrdinal(blob.Name, key.Name) > 0);
    }

    private static ApiResult? Validate(string? prefix, string? continuation, string? pageSize, out int size, out (long Ticks, string Name)? after)
    {
        size = DefaultPageSize;
        after = null;
        if (!string.IsNullOrEmpty(pageSize)
            && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            return ApiResult.Problem(
                StatusCodes.Status400BadRequest, "invalid-page-size",
                $"pageSize must be a whole number from 1 to {MaxPageSize}; without it a page has {DefaultPageSize} items.");
        }

        if (prefix is not null && (prefix.Length > MaxPrefixLength || prefix.Any(char.IsControl)))
        {
            return ApiResult.Problem(
                StatusCodes.Status400BadRequest, "invalid-prefix",
                $"prefix must be at most {MaxPrefixLength} characters without control characters.");
        }

        if (!string.IsNullOrEmpty(continuation))
        {
            if (!TryDecodeToken(continuation, out var key))
            {
                return ApiResult.Problem(
                    StatusCodes.Status400BadRequest, "invalid-continuation",
                    "continuation is not a token this API returned. Start again without it.");
            }

            after = key;
        }

        return null;
    }

    /// <summary>One page of the listing; <see cref="Continuation"/> is <c>null</c> on the last page.</summary>
    public sealed record ArticlePage(IReadOnlyList<ArticleItem> Items, string? Continuation, bool Truncated);

    /// <summary>An article and what its result says: <c>ok</c>, <c>rejected</c>, <c>failed</c>, <c>pending</c> (no
    /// result yet) or <c>unreadable</c>. <see cref="Language"/> and <see cref="Title"/> come from the result.</summary>
    public sealed record ArticleItem(string Name, ArticleStatus Status, ArticleLanguage? Language, DateTimeOffset? LastModified, long Bytes, LocalizedText? Title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dependency failed while listing articles; answered {Status} ({Code})")]
    private static partial void LogDependencyFailure(ILogger logger, Exception exception, int status, string code);
}
