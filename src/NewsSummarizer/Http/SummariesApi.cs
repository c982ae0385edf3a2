using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsSummarizer.Articles;
using NewsSummarizer.Processing;
using NewsSummarizer.Storage;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Http;

/// <summary>The summaries API, the one implementation both hosts delegate to: <c>POST /api/summaries</c> summarises
/// posted text, <c>GET /api/summaries/{*name}</c> serves a stored result.</summary>
/// <remarks>Status codes: 200 ok; 202 result not written yet; 400 bad request; 404 unknown article; 413 too large; 415
/// wrong media type or charset; 422 the pipeline rejected the text; 429/503 the model or storage is saturated or down
/// (with <c>Retry-After</c>); 502 the model's reply was unusable. See docs/api.md.</remarks>
public sealed partial class SummariesApi
{
    /// <summary>How long a client polling for a result not yet written should wait.</summary>
    public static readonly TimeSpan PendingRetryAfter = TimeSpan.FromSeconds(2);

    private readonly ArticleReader reader;
    private readonly IArticleStore store;
    private readonly IOptions<SummarizerOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<SummariesApi> logger;
    private readonly SummaryService configured;
    private readonly SummaryService extractive;
    private readonly ModelProvider[] allowedProviders;

    public SummariesApi(
        ArticleReader reader,
        SummaryService summaries,
        ExtractiveSummarizer extractiveSummarizer,
        IArticleStore store,
        IOptions<SummarizerOptions> options,
        TimeProvider time,
        ILogger<SummariesApi> logger)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(options);
        this.reader = reader;
        this.store = store;
        this.options = options;
        this.time = time;
        this.logger = logger;
        configured = summaries;

        // Extractive is always available: it needs no model and is what `?provider=Extractive` asks for.
        ArgumentNullException.ThrowIfNull(extractiveSummarizer);
        // Its summariser is the extractive one, so it never falls back and never logs: no logger needed.
        extractive = summaries.Provider == ModelProvider.Extractive
            ? summaries
            : new SummaryService(extractiveSummarizer, extractiveSummarizer, options, time, NullLogger<SummaryService>.Instance);
        var configuredProvider = ModelProvider.From(options.Value.Provider);
        allowedProviders = configuredProvider == extractive.Provider
            ? [configuredProvider]
            : [configuredProvider, extractive.Provider];
    }

    /// <summary>The <c>?provider=</c> values this instance accepts: the configured provider and Extractive.</summary>
    public IReadOnlyList<ModelProvider> AllowedProviders => allowedProviders;

    /// <summary><c>POST /api/summaries</c>: the body is an article in any format a blob may be (text, Markdown, HTML,
    /// JSON <c>{"text": "...", "title": "..."}</c>, Word, PDF), optional <c>?provider=</c> and <c>?length=</c> (or a
    /// JSON body's <c>length</c> field; the query wins).</summary>
    public async Task<IResult> SummarizeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TrySelectProvider(request.Query["provider"].ToString(), out var service))
        {
            return ApiResult.Problem(
                StatusCodes.Status400BadRequest, "invalid-provider",
                $"Unknown or unavailable provider '{request.Query["provider"]}'. Allowed values: {string.Join(", ", allowedProviders)}.",
                allowed: [.. allowedProviders.Select(provider => provider.Name)]);
        }

        var lengthQuery = request.Query["length"].ToString();
        if (!SummaryLength.TryParse(lengthQuery, out var length, out var lengthError))
        {
            return InvalidLength(lengthError!);
        }

        try
        {
            var (body, problem) = await SummaryRequestReader.ReadAsync(request, reader.MaxBytesFor(null, request.ContentType), cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                LogRequestProblem(logger, problem.StatusCode, ((ApiProblem)problem.Value).Code);
                return problem;
            }

            ArticleReadResult read;
            SourceInfo source;
            using (body)
            {
                // The same reader as a blob's: format, encoding, garble and binary checks, limits. No name: the
                // content type picks the format, or the bytes do (application/octet-stream, text/plain).
                read = await reader.ReadAsync(body!.ContentMemory, null, body.ContentType, cancellationToken: cancellationToken).ConfigureAwait(false);
                source = new SourceInfo(null, null, null, read.Sha256, body.ContentType, body.Bytes, read.Encoding);
                if (string.IsNullOrWhiteSpace(lengthQuery) && read.Format == "json" &&
                    !SummaryLength.TryParse(SummaryRequestReader.JsonLength(body.Content), out length, out lengthError))
                {
                    return InvalidLength(lengthError!);
                }
            }

            var document = await service.CreateDocumentAsync(read, source, length, cancellationToken).ConfigureAwait(false);
            return Failure.Of(document) is { } failure
                ? ApiResult.ForFailure(failure, document)
                : ApiResult.Json(StatusCodes.Status200OK, document);
        }
        catch (Exception exception) when (DependencyFailure.ToProblem(exception, time, cancellationToken) is { } problem)
        {
            LogDependencyFailure(logger, exception, problem.StatusCode, ((ApiProblem)problem.Value).Code);
            return problem;
        }
    }

    private ApiResult InvalidLength(string message)
    {
        LogRequestProblem(logger, StatusCodes.Status400BadRequest, "invalid-length");
        return ApiResult.Problem(
            StatusCodes.Status400BadRequest, "invalid-length", message, allowed: [.. SummaryLength.Named.Select(n => n.Name), "1-20"]);
    }

    /// <summary><c>GET /api/summaries/{*name}</c>: 200 with the stored result, 202 while it is being written,
    /// 404 for an unknown article, 400 for a name that cannot be an article.</summary>
    public async Task<IResult> GetAsync(string? name, CancellationToken cancellationToken)
    {
        if (ArticleNames.Validate(name) is { } invalid)
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, invalid.Code, invalid.Message);
        }

        try
        {
            // Both at once: a result left behind by a deleted article must not be served as if the article existed.
            var exists = store.ArticleExistsAsync(name!, cancellationToken);
            var stored = store.GetResultAsync(name!, cancellationToken);
            await Task.WhenAll(exists, stored).ConfigureAwait(false);
            if (!await exists.ConfigureAwait(false))
            {
                return ApiResult.Problem(
                    StatusCodes.Status404NotFound, "unknown-article",
                    $"There is no article '{name}' in container '{store.Container}'. Upload it first; names are case-sensitive.");
            }

            var result = await stored.ConfigureAwait(false);
            if (result is null)
            {
                return ApiResult.Json(
                    StatusCodes.Status202Accepted,
                    new PendingResult("pending", name!, "The article exists but its summary is not written yet. Retry after the time in Retry-After."),
                    new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                    {
                        [HeaderNames.RetryAfter] = ApiResult.RetryAfterSeconds(PendingRetryAfter),
                        [HeaderNames.CacheControl] = "no-store",
                    });
            }

            if (result.Document is null)
            {
                // Never served: a result that is too large or not valid against the schema was not written by us.
                return ApiResult.Problem(
                    StatusCodes.Status500InternalServerError, "unreadable-result",
                    $"The stored result of '{name}' is not trusted: {result.Problem ?? "it is not a valid result document"}. " +
                    "Upload the article again or run `newsum backfill --only missing` to replace it.");
            }

            if (result.Document is { Status: SummaryStatus.Waiting, RetryAt: { } retryAt })
            {
                // The model was unavailable; the next attempt is scheduled. Retry-After is that moment (an HTTP date).
                var due = retryAt > time.GetUtcNow();
                return ApiResult.Json(
                    StatusCodes.Status202Accepted,
                    new PendingResult(
                        WireNames.Of(SummaryStatus.Waiting),
                        name!,
                        $"The model was unavailable ({result.Document.Error?.Message}) The summary is scheduled to be tried again at {retryAt:O}.",
                        retryAt),
                    new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                    {
                        [HeaderNames.RetryAfter] = due ? retryAt.ToString("R", CultureInfo.InvariantCulture) : ApiResult.RetryAfterSeconds(PendingRetryAfter),
                        [HeaderNames.CacheControl] = "no-store",
                    });
            }

            return ApiResult.Json(
                StatusCodes.Status200OK,
                result.Document,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [HeaderNames.ETag] = result.ETag });
        }
        catch (Exception exception) when (DependencyFailure.ToProblem(exception, time, cancellationToken) is { } problem)
        {
            LogDependencyFailure(logger, exception, problem.StatusCode, ((ApiProblem)problem.Value).Code);
            return problem;
        }
    }

    /// <summary>An empty body, one with no text, or JSON that is not a news item is a malformed request (400), not an article the
    /// pipeline refused (422).</summary>
    private bool TrySelectProvider(string? requested, out SummaryService service)
    {
        service = configured;
        if (string.IsNullOrEmpty(requested))
        {
            return true;
        }

        if (!ModelProvider.TryParseConfigured(requested, out var match) || !allowedProviders.Contains(match))
        {
            return false;
        }

        service = match == extractive.Provider ? extractive : configured;
        return true;
    }

    /// <summary>The 202 body: the article is known, its result is on its way. <see cref="Status"/> <c>pending</c>:
    /// not written yet; <c>waiting</c>: the model was unavailable and the next attempt is due at <see cref="RetryAt"/>.</summary>
    public sealed record PendingResult(
        string Status,
        string Name,
        string Detail,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        DateTimeOffset? RetryAt = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a summaries request with {Status} ({Code})")]
    private static partial void LogRequestProblem(ILogger logger, int status, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dependency failed during a summaries request; answered {Status} ({Code})")]
    private static partial void LogDependencyFailure(ILogger logger, Exception exception, int status, string code);
}
