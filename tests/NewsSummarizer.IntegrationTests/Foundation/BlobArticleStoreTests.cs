namespace NewsSummarizer.IntegrationTests.Foundation;

[Collection(AzuriteCollection.Name)]
public sealed class BlobArticleStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TryWriteResultAsync_TwoWritersWithoutResult_OnlyFirstWins()
    {
        var (sut, _) = await CreateSutAsync();

        var first = await sut.TryWriteResultAsync("a/x.txt", Document("first"), ifMatch: null, CancellationToken.None);
        var second = await sut.TryWriteResultAsync("a/x.txt", Document("second"), ifMatch: null, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var stored = await sut.GetResultAsync("a/x.txt", CancellationToken.None);
        Assert.Equal("first", stored?.Document?.Summary.En);
    }

    [Fact]
    public async Task TryWriteResultAsync_StaleETag_DoesNotOverwriteNewerResult()
    {
        var (sut, _) = await CreateSutAsync();
        await sut.TryWriteResultAsync("x.txt", Document("v1"), null, CancellationToken.None);
        var v1 = await sut.GetResultAsync("x.txt", CancellationToken.None);
        Assert.True(await sut.TryWriteResultAsync("x.txt", Document("v2"), v1!.ETag, CancellationToken.None));

        var overwritten = await sut.TryWriteResultAsync("x.txt", Document("v3"), v1.ETag, CancellationToken.None);

        Assert.False(overwritten);
        Assert.Equal("v2", (await sut.GetResultAsync("x.txt", CancellationToken.None))?.Document?.Summary.En);
    }

    [Fact]
    public async Task TryWriteResultAsync_ArabicDocument_IsStoredBesideArticleAsReadableUtf8Json()
    {
        var (sut, container) = await CreateSutAsync();

        await sut.TryWriteResultAsync("news/خبر.txt", Document("x") with { Summary = new LocalizedText("ملخص عربي", "x") }, null, CancellationToken.None);

        var blob = container.GetBlobClient("news/خبر.txt.summary.json");
        var content = (await blob.DownloadContentAsync()).Value;
        Assert.Contains("ملخص عربي", content.Content.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("application/json", content.Details.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetArticleAsync_OverLimit_ReturnsPropertiesWithoutContent()
    {
        var (sut, container) = await CreateSutAsync();
        await container.UploadBlobAsync("big.txt", BinaryData.FromBytes(new byte[4096]));

        var article = await sut.GetArticleAsync("big.txt", maxBytes: 1024, CancellationToken.None);

        Assert.NotNull(article);
        Assert.Equal(4096, article.Bytes);
        Assert.Null(article.Content);
    }

    [Fact]
    public async Task GetArticleAsync_Missing_ReturnsNull()
    {
        var (sut, _) = await CreateSutAsync();

        Assert.Null(await sut.GetArticleAsync("missing.txt", 1024, CancellationToken.None));
    }

    private static SummaryDocument Document(string english) => new()
    {
        Status = SummaryStatus.Ok,
        Language = ArticleLanguage.English,
        Summary = new LocalizedText(null, english),
        Source = new SourceInfo("c", "x.txt", null, null, null, 1, "utf-8"),
        Model = new ModelUsage(ModelProvider.Extractive, "extractive", "1", null, null),
    };

    private async Task<(BlobArticleStore Store, Azure.Storage.Blobs.BlobContainerClient Container)> CreateSutAsync()
    {
        var container = await azurite.CreateContainerAsync();
        return (new BlobArticleStore(azurite.BlobService, Options.Create(new StorageOptions { ArticlesContainer = container.Name })), container);
    }
}
