namespace NewsSummarizer.IntegrationTests.Corpus;

/// <summary>Every hostile case through <see cref="ArticleProcessor.ProcessAsync"/> on Azurite with the default article
/// limit: a written result with the expected status and code, and the article untouched.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileCorpusTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private CorpusHarness harness = null!;

    public async Task InitializeAsync() => harness = await CorpusHarness.CreateAsync(azurite, HostileCorpus.DefaultMaxArticleBytes);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [MemberData(nameof(HostileCorpus.Ids), MemberType = typeof(HostileCorpus))]
    public async Task ProcessAsync_HostileCase_WritesExpectedResultAndLeavesArticleUntouched(string id)
    {
        var corpusCase = HostileCorpus.Get(id);

        var (document, etag) = await harness.ProcessOnceAsync(corpusCase);

        Assert.True(
            corpusCase.Expected.Status == WireNames.Of(document.Status) && corpusCase.Expected.ErrorCode == document.Error?.Code,
            $"Expected {corpusCase.Expected.Status} {corpusCase.Expected.ErrorCode}, got {document.Status} {document.Error?.Code}: {document.Error?.Message}");
        if (corpusCase.Expected.Language is not null)
        {
            Assert.Equal(corpusCase.Expected.Language, WireNames.Of(document.Language));
        }

        Assert.Equal(corpusCase.Content.Length, document.Source.Bytes);
        await harness.AssertUntouchedAsync(corpusCase.BlobName, etag, corpusCase.Content);
    }

    [Fact]
    public void Cases_LargestSize_FitsTheDefaultLimit()
    {
        Assert.All(HostileCorpus.Cases, c => Assert.InRange(c.Content.Length, 1, HostileCorpus.DefaultMaxArticleBytes));
        Assert.Contains(HostileCorpus.Cases, c => c.Content.Length > HostileCorpus.DefaultMaxArticleBytes - 4096);
    }
}
