using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Articles;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Http;

public sealed class ArticlesApiTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeStore store = new();

    [Fact]
    public async Task ListAsync_MixedContainer_ListsArticlesNewestFirstWithTheirStatus()
    {
        store.Add("old.txt", Start, Document(SummaryStatus.Ok, ArticleLanguage.Arabic, new LocalizedText("عنوان", "Title")));
        store.Add("rejected.txt", Start.AddMinutes(1), Document(SummaryStatus.Rejected, ArticleLanguage.English, new LocalizedText(null, null)));
        store.Add("failed.txt", Start.AddMinutes(2), Document(SummaryStatus.Failed, ArticleLanguage.English, new LocalizedText(null, null)));
        store.Add("pending.txt", Start.AddMinutes(3));
        store.Add("broken.txt", Start.AddMinutes(4), unreadable: true);

        var page = await ListAsync();

        Assert.Equal(["broken.txt", "pending.txt", "failed.txt", "rejected.txt", "old.txt"], page.Items.Select(item => item.Name));
        Assert.Equal([ArticleStatus.Unreadable, ArticleStatus.Pending, ArticleStatus.Of(SummaryStatus.Failed), ArticleStatus.Of(SummaryStatus.Rejected), ArticleStatus.Of(SummaryStatus.Ok)], page.Items.Select(item => item.Status));
        var old = page.Items[^1];
        Assert.Equal(ArticleLanguage.Arabic, old.Language);
        Assert.Equal(new LocalizedText("عنوان", "Title"), old.Title);
        Assert.Equal(Start, old.LastModified);
        Assert.Equal(100, old.Bytes);
        Assert.Null(page.Items[1].Language);
        Assert.Null(page.Items[1].Title);
        Assert.Null(page.Items[3].Title);
        Assert.Null(page.Continuation);
        Assert.False(page.Truncated);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("rejected")]
    [InlineData("failed")]
    [InlineData("waiting")]
    [InlineData("pending")]
    [InlineData("unreadable")]
    public void ArticleItem_Serialized_WritesTheStatusAsTheApiNamesItAndReadsItBack(string name)
    {
        // The reading page and API clients compare these names (docs/openapi.yaml); the type must not change them.
        Assert.True(ArticleStatus.TryParse(name, out var status));
        var item = new ArticlesApi.ArticleItem("a.txt", status, null, Start, 10, null);

        var json = JsonSerializer.SerializeToNode(item, SummaryJson.CompactOptions)!;
        var read = json.Deserialize<ArticlesApi.ArticleItem>(SummaryJson.CompactOptions)!;

        Assert.Equal(name, json["status"]!.GetValue<string>());
        Assert.Equal(status, read.Status);
    }

    [Fact]
    public void ArticleStatus_OfEachResultStatus_IsThatStatusUnderTheResultsName()
    {
        foreach (var result in Enum.GetValues<SummaryStatus>())
        {
            var status = ArticleStatus.Of(result);

            Assert.Equal((result, WireNames.Of(result)), (status.Result, status.Name));
            Assert.NotEqual(ArticleStatus.Pending, status);
        }

        Assert.NotEqual(ArticleStatus.Pending, ArticleStatus.Unreadable);
        Assert.False(ArticleStatus.TryParse("Pending", out _));
    }

    [Fact]
    public async Task ListAsync_ResultBlobs_AreNotListedAsArticles()
    {
        store.Add("a.txt", Start, Document(SummaryStatus.Ok, ArticleLanguage.English));
        store.AddRaw("orphan.txt.summary.json", Start.AddMinutes(5));

        var page = await ListAsync();

        Assert.Equal(["a.txt"], page.Items.Select(item => item.Name));
    }

    [Fact]
    public async Task ListAsync_FollowingContinuation_ReturnsEveryArticleOnceNewestFirst()
    {
        for (var i = 0; i < 7; i++)
        {
            store.Add($"n{i}.txt", Start.AddMinutes(i));
        }

        var names = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(continuation: continuation, pageSize: "3");
            names.AddRange(page.Items.Select(item => item.Name));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"n{i}.txt"), names);
    }

    [Fact]
    public async Task ListAsync_UploadBetweenPages_NeitherRepeatsNorSkipsOlderArticles()
    {
        for (var i = 0; i < 4; i++)
        {
            store.Add($"n{i}.txt", Start.AddMinutes(i));
        }

        var first = await ListAsync(pageSize: "2");
        store.Add("newest.txt", Start.AddHours(1));
        var second = await ListAsync(continuation: first.Continuation, pageSize: "2");

        Assert.Equal(["n3.txt", "n2.txt"], first.Items.Select(item => item.Name));
        Assert.Equal(["n1.txt", "n0.txt"], second.Items.Select(item => item.Name));
        Assert.Null(second.Continuation);
    }

    [Fact]
    public async Task ListAsync_SameLastModified_OrdersByNameAcrossPages()
    {
        foreach (var name in new[] { "c.txt", "a.txt", "b.txt" })
        {
            store.Add(name, Start);
        }

        var first = await ListAsync(pageSize: "2");
        var second = await ListAsync(continuation: first.Continuation, pageSize: "2");

        Assert.Equal(["a.txt", "b.txt", "c.txt"], first.Items.Concat(second.Items).Select(item => item.Name));
    }

    [Fact]
    public async Task ListAsync_NoPageSize_ReturnsTheDefaultPageSize()
    {
        for (var i = 0; i < ArticlesApi.DefaultPageSize + 1; i++)
        {
            store.Add($"n{i:D2}.txt", Start.AddMinutes(i));
        }

        var page = await ListAsync();

        Assert.Equal(ArticlesApi.DefaultPageSize, page.Items.Count);
        Assert.NotNull(page.Continuation);
    }

    [Fact]
    public async Task ListAsync_Prefix_IsPassedToStorage()
    {
        store.Add("world/a.txt", Start);
        store.Add("sport/b.txt", Start);

        var page = await ListAsync(prefix: "world/");

        Assert.Equal(["world/a.txt"], page.Items.Select(item => item.Name));
        Assert.Equal(["world/"], store.Prefixes);
    }

    [Fact]
    public async Task ListAsync_MoreArticlesThanTheCap_SaysTruncatedAndReadsOnlyThePage()
    {
        for (var i = 0; i <= ArticlesApi.MaxArticlesListed; i++)
        {
            store.Add($"n{i:D5}.txt", Start.AddSeconds(i));
        }

        var page = await ListAsync(pageSize: "10");

        Assert.True(page.Truncated);
        Assert.Equal($"n{ArticlesApi.MaxArticlesListed - 1:D5}.txt", page.Items[0].Name);
        Assert.Equal(10, store.ResultReads);
    }

    [Fact]
    public async Task ListAsync_ManyItems_ReadsResultsConcurrentlyWithinTheBound()
    {
        for (var i = 0; i < 25; i++)
        {
            store.Add($"n{i:D2}.txt", Start.AddMinutes(i), Document(SummaryStatus.Ok, ArticleLanguage.English));
        }

        store.HoldReadsUntil = ArticlesApi.MaxConcurrentReads;

        var page = await ListAsync();

        Assert.Equal(25, page.Items.Count);
        Assert.Equal(ArticlesApi.MaxConcurrentReads, store.MaxReadsInFlight);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("2.5")]
    public async Task ListAsync_InvalidPageSize_Returns400(string pageSize)
    {
        var result = await CreateSut().ListAsync(null, null, pageSize, default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
        Assert.Equal("invalid-page-size", result.Problem().Code);
        Assert.Empty(store.Prefixes);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("bm9wZQ")]
    [InlineData("MjpmOmE")]
    public async Task ListAsync_ForeignContinuation_Returns400(string continuation)
    {
        var result = await CreateSut().ListAsync(null, continuation, null, default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
        Assert.Equal("invalid-continuation", result.Problem().Code);
    }

    [Fact]
    public async Task ListAsync_PrefixWithControlCharacter_Returns400()
    {
        var result = await CreateSut().ListAsync("a\u0001", null, null, default);

        Assert.Equal("invalid-prefix", result.Problem().Code);
    }

    [Fact]
    public async Task ListAsync_StorageFails_Returns503WithRetryAfter()
    {
        store.Failure = new RequestFailedException(503, "storage");

        var result = (await CreateSut().ListAsync(null, null, null, default)).AsApi();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, result.StatusCode);
        Assert.Equal("storage-unavailable", result.Problem().Code);
        Assert.True(result.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task ExecuteAsync_Page_WritesCamelCaseJsonWithArabicUnescaped()
    {
        store.Add("a.txt", Start, Document(SummaryStatus.Ok, ArticleLanguage.Arabic, new LocalizedText("عنوان", "Title")));
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        var body = await (await CreateSut().ListAsync(null, null, null, default)).RunAsync(context);

        Assert.Contains("\"items\":[{\"name\":\"a.txt\",\"status\":\"ok\",\"language\":\"ar\"", body, StringComparison.Ordinal);
        Assert.Contains("\"title\":{\"ar\":\"عنوان\",\"en\":\"Title\"}", body, StringComparison.Ordinal);
        Assert.Contains("\"continuation\":null", body, StringComparison.Ordinal);
        Assert.Equal("no-store", context.Response.Headers.CacheControl);
    }

    private ArticlesApi CreateSut() => new(store, TimeProvider.System, NullLogger<ArticlesApi>.Instance);

    private async Task<ArticlesApi.ArticlePage> ListAsync(string? prefix = null, string? continuation = null, string? pageSize = null)
    {
        var result = (await CreateSut().ListAsync(prefix, continuation, pageSize, default)).AsApi();
        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        return Assert.IsType<ArticlesApi.ArticlePage>(result.Value);
    }

    private static SummaryDocument Document(SummaryStatus status, ArticleLanguage language, LocalizedText? title = null) => new()
    {
        Status = status,
        Language = language,
        Title = title ?? new LocalizedText("عنوان", "Title"),
        Source = new SourceInfo("articles", "x.txt", "\"e\"", "abc", "text/plain", 100, "utf-8"),
        Model = new ModelUsage(ModelProvider.Parse("Fake"), "fake", "v1", 1, 1),
    };

    /// <summary>An in-memory container: articles, their results, and how the API read them.</summary>
    private sealed class FakeStore : IArticleStore
    {
        private readonly SortedDictionary<string, StoredBlob> blobs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StoredResult> results = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int inFlight;
        private int maxInFlight;
        private int reads;

        public string Container => "articles";

        public ConcurrentQueue<string?> Prefixes { get; } = new();

        public Exception? Failure { get; set; }

        /// <summary>When set, result reads wait until this many are in flight at once.</summary>
        public int? HoldReadsUntil { get; set; }

        public int MaxReadsInFlight => Volatile.Read(ref maxInFlight);

        public int ResultReads => Volatile.Read(ref reads);

        public void Add(string name, DateTimeOffset lastModified, SummaryDocument? result = null, bool unreadable = false)
        {
            AddRaw(name, lastModified);
            if (result is not null || unreadable)
            {
                results[name] = new StoredResult(result, "\"r\"");
                AddRaw(SummaryBlobNames.ResultFor(name), lastModified.AddSeconds(1));
            }
        }

        public void AddRaw(string name, DateTimeOffset lastModified) => blobs[name] = new StoredBlob(name, "\"e\"", 100, lastModified);

        public async IAsyncEnumerable<StoredBlob> ListAsync(string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Prefixes.Enqueue(prefix);
            await Task.Yield();
            if (Failure is not null)
            {
                throw Failure;
            }

            foreach (var blob in blobs.Values.Where(blob => prefix is null || blob.Name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                yield return blob;
            }
        }

        public async Task<StoredResult?> GetResultAsync(string articleName, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref reads);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            try
            {
                if (HoldReadsUntil is { } until)
                {
                    if (now >= until)
                    {
                        held.TrySetResult();
                    }

                    await held.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                }

                await Task.Yield();
                return results.GetValueOrDefault(articleName);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        public Task<ArticleBlob?> GetArticleAsync(string name, long maxBytes, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> ArticleExistsAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryWriteResultAsync(string articleName, SummaryDocument document, string? ifMatch, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
            {
                seen = actual;
            }
        }
    }
}
