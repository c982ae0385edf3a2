using System.Net.Http.Headers;

namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>The summaries API over real HTTP: the DevHost on Kestrel, Azurite, the Extractive provider.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummariesApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int MaxBytes = 64 * 1024;
    private readonly string containerName = AzuriteFixture.NewContainerName();
    private DevHostRunner host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(azurite, containerName, MaxBytes);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Post_EnglishText_Returns200WithDocumentDescribingTheRequest()
    {
        using var response = await host.Client.PostAsync(Summaries(), new StringContent(SampleArticles.ShortEnglish, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = SummaryJson.TryDeserialize(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(document);
        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(ArticleLanguage.English, document.Language);
        Assert.Null(document.Source.Container);
        Assert.Null(document.Source.Name);
        Assert.Null(document.Source.ETag);
        Assert.Equal(64, document.Source.Sha256?.Length);
        Assert.Equal("text/plain; charset=utf-8", document.Source.ContentType);
        Assert.Equal(Encoding.UTF8.GetByteCount(SampleArticles.ShortEnglish), document.Source.Bytes);
        Assert.Equal("utf-8", document.Source.Encoding);
        Assert.Equal(ModelProvider.Extractive, document.Model.Provider);
    }

    [Fact]
    public async Task Post_ArabicSeedAsJson_RoundTripsArabicUnescaped()
    {
        var seed = await File.ReadAllTextAsync(SampleArticles.ArabicSeedPath);
        var body = JsonSerializer.Serialize(new { text = seed, title = "بلينكن وتشاووش أوغلو" });

        using var response = await host.Client.PostAsync(Summaries("?provider=Extractive"), new StringContent(body, Encoding.UTF8, "application/json"));

        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, raw);
        Assert.Contains("\"title\":{\"ar\":\"بلينكن وتشاووش أوغلو\"", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0", raw, StringComparison.Ordinal);
        var document = SummaryJson.TryDeserialize(Encoding.UTF8.GetBytes(raw))!;
        Assert.Equal(ArticleLanguage.Arabic, document.Language);
        Assert.Contains("ناقش وزيرا الخارجية", document.Summary.Ar, StringComparison.Ordinal);
        Assert.Equal([ArticleLanguage.English], document.Unavailable);
    }

    [Theory]
    [InlineData("text/plain", "  \n ", "empty")]
    [InlineData("application/json", "{\"text\": \"unterminated", "invalid-json")]
    [InlineData("application/json", "{\"title\": \"no text\"}", "unsupported-json")]
    public async Task Post_BadBody_Returns400Problem(string mediaType, string body, string code)
    {
        using var response = await host.Client.PostAsync(Summaries(), new StringContent(body, Encoding.UTF8, mediaType));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Post_UnavailableProvider_Returns400ListingAllowedValues()
    {
        using var response = await host.Client.PostAsync(Summaries("?provider=AzureOpenAI"), new StringContent(SampleArticles.ShortEnglish, Encoding.UTF8, "text/plain"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-provider");
        Assert.Equal(["Extractive"], problem.GetProperty("allowed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Post_BodyOverLimitWithContentLength_Returns413()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new string('a', MaxBytes + 1)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await host.Client.PostAsync(Summaries(), content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413()
    {
        using var content = new StreamContent(new UnknownLengthStream(new byte[MaxBytes * 2]));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await host.Client.PostAsync(Summaries(), content);

        Assert.Null(content.Headers.ContentLength);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/plain; charset=iso-8859-1")]
    public async Task Post_UnsupportedMediaType_Returns415(string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(SampleArticles.ShortEnglish));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await host.Client.PostAsync(Summaries(), content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Post_TooShortText_Returns422WithRejectedDocument()
    {
        using var response = await host.Client.PostAsync(Summaries(), new StringContent("Too short to summarise.", Encoding.UTF8, "text/plain"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "too-short");
        Assert.Equal("rejected", problem.GetProperty("result").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_UnknownArticle_Returns404()
    {
        using var response = await host.Client.GetAsync(Summaries("/nobody/uploaded/this.txt"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "unknown-article");
    }

    [Theory]
    [InlineData("/a.txt.summary.json", "result-name")]
    [InlineData("/a%5C..%5Cb.txt", "invalid-name")]
    [InlineData("/a%01b.txt", "invalid-name")]
    public async Task Get_InvalidName_Returns400(string path, string code)
    {
        using var response = await host.Client.GetAsync(Summaries(path));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Get_AfterUpload_ServesTheStoredResult()
    {
        var container = azurite.BlobService.GetBlobContainerClient(containerName);
        await container.CreateIfNotExistsAsync();
        var seed = await File.ReadAllBytesAsync(SampleArticles.ArabicSeedPath);
        await container.UploadBlobAsync("world/2026/seed.txt", BinaryData.FromBytes(seed));

        var (response, statuses) = await PollAsync("/world/2026/seed.txt");

        using (response)
        {
            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Accepted, status));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
            var served = SummaryJson.TryDeserialize(await response.Content.ReadAsByteArrayAsync());
            var stored = SummaryJson.TryDeserialize((await container.GetBlobClient("world/2026/seed.txt.summary.json").DownloadContentAsync()).Value.Content.ToMemory().Span);
            Assert.Equal(JsonSerializer.Serialize(stored, SummaryJson.CompactOptions), JsonSerializer.Serialize(served, SummaryJson.CompactOptions));
            Assert.Equal(containerName, served!.Source.Container);
            Assert.Equal("world/2026/seed.txt", served.Source.Name);
            Assert.Equal(ArticleLanguage.Arabic, served.Language);
        }
    }

    [Fact]
    public async Task Health_Returns200WithoutKey()
    {
        using var response = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Uri Summaries(string suffix = "") => new("/api/summaries" + suffix, UriKind.Relative);

    /// <summary>GETs until the answer is not 202, returning it and the 202s seen before, each with a Retry-After.</summary>
    private async Task<(HttpResponseMessage Response, List<HttpStatusCode> Before)> PollAsync(string path)
    {
        var before = new List<HttpStatusCode>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await host.Client.GetAsync(Summaries(path));
            if (response.StatusCode != HttpStatusCode.Accepted || DateTime.UtcNow > deadline)
            {
                return (response, before);
            }

            before.Add(response.StatusCode);
            ProblemAssert.RetryAfterSeconds(response);
            response.Dispose();
            await Task.Delay(250);
        }
    }
}
