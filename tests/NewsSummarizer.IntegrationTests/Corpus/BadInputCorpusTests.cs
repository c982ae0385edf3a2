namespace NewsSummarizer.IntegrationTests.Corpus;

/// <summary>Every corpus case through <see cref="ArticleProcessor.ProcessAsync"/> with a real BlobArticleStore on
/// Azurite: the result beside the article says what the corpus expects, and the article is never touched.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputCorpusTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private CorpusHarness harness = null!;

    public async Task InitializeAsync() => harness = await CreateSutAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public void Cases_Corpus_HasAtLeastFortyDistinctCases()
    {
        Assert.True(BadInputCorpus.Cases.Count >= 40, $"Only {BadInputCorpus.Cases.Count} cases.");
        Assert.Equal(BadInputCorpus.Cases.Count, BadInputCorpus.Cases.Select(c => c.Id).Distinct().Count());
        Assert.Equal(BadInputCorpus.Cases.Count, BadInputCorpus.Cases.Select(c => c.BlobName).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.Ids), MemberType = typeof(BadInputCorpus))]
    public async Task ProcessAsync_CorpusCase_WritesExpectedResultAndLeavesArticleUntouched(string id)
    {
        var corpusCase = BadInputCorpus.Get(id);

        var (document, etag) = await harness.ProcessOnceAsync(corpusCase);

        var expected = corpusCase.Expected;
        Assert.Equal(expected.Status, WireNames.Of(document.Status));
        Assert.Equal(expected.ErrorCode, document.Error?.Code);
        if (expected.Language is not null)
        {
            Assert.Equal(expected.Language, WireNames.Of(document.Language));
            Assert.Equal(expected.Encoding, document.Source.Encoding);
            Assert.False(string.IsNullOrWhiteSpace(expected.Language == "ar" ? document.Summary.Ar : document.Summary.En));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(document.Error?.Message));
        }

        Assert.Equal(corpusCase.BlobName, document.Source.Name);
        Assert.Equal(corpusCase.Content.Length, document.Source.Bytes);
        Assert.Equal(etag, document.Source.ETag);
        await harness.AssertUntouchedAsync(corpusCase.BlobName, etag, corpusCase.Content);
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.Ids), MemberType = typeof(BadInputCorpus))]
    public async Task ProcessAsync_CorpusCaseTwice_SecondRunIsFinalAndWritesNothing(string id)
    {
        var corpusCase = BadInputCorpus.Get(id);
        await harness.UploadAsync(corpusCase.BlobName, corpusCase.Content, corpusCase.ContentType);
        await harness.Processor.ProcessAsync(corpusCase.BlobName, CancellationToken.None);
        var first = await harness.Container.GetBlobClient(SummaryBlobNames.ResultFor(corpusCase.BlobName)).GetPropertiesAsync();

        var outcome = await harness.Processor.ProcessAsync(corpusCase.BlobName, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        var second = await harness.Container.GetBlobClient(SummaryBlobNames.ResultFor(corpusCase.BlobName)).GetPropertiesAsync();
        Assert.Equal(first.Value.ETag, second.Value.ETag);
    }

    [Theory]
    [InlineData("x.summary.json")]
    [InlineData("x.summary.json.summary.json")]
    [InlineData("folder/USER.SUMMARY.JSON")]
    public async Task ProcessAsync_UserUploadedResultName_IsNeverProcessedAndNothingIsWritten(string name)
    {
        var content = Encoding.UTF8.GetBytes("{\"title\": \"Budget\", \"body\": \"" + BadInputCorpus.English.Replace("\n", " ", StringComparison.Ordinal) + "\"}");
        var etag = await harness.UploadAsync(name, content, "application/json");

        var outcome = await harness.Processor.ProcessAsync(name, CancellationToken.None);

        Assert.Equal(ProcessingResult.SkippedResultBlob, outcome.Result);
        Assert.Equal([name], await harness.ListAsync());
        await harness.AssertUntouchedAsync(name, etag, content);
    }

    [Fact]
    public async Task ProcessAsync_ArticleChangedAfterItsSummary_SummarisesAgain()
    {
        await harness.UploadAsync("changing.txt", Encoding.UTF8.GetBytes(BadInputCorpus.English));
        await harness.Processor.ProcessAsync("changing.txt", CancellationToken.None);
        var before = await harness.ReadResultAsync("changing.txt");
        var changed = Encoding.UTF8.GetBytes(BadInputCorpus.English + "\n\nThe vote is scheduled for the first week of December.");
        var etag = await harness.UploadAsync("changing.txt", changed);

        var outcome = await harness.Processor.ProcessAsync("changing.txt", CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        var after = await harness.ReadResultAsync("changing.txt");
        Assert.Equal(SummaryStatus.Ok, after?.Status);
        Assert.NotEqual(before?.Source.Sha256, after?.Source.Sha256);
        Assert.Equal(etag, after?.Source.ETag);
        Assert.Equal(changed.Length, after?.Source.Bytes);
    }

    [Fact]
    public async Task ProcessAsync_RejectedArticleFixedByUser_SummarisesTheFix()
    {
        await harness.UploadAsync("fixed.txt", Encoding.Latin1.GetBytes("Le président a déclaré que la réunion était très importante."));
        await harness.Processor.ProcessAsync("fixed.txt", CancellationToken.None);
        Assert.Equal(SummaryStatus.Rejected, (await harness.ReadResultAsync("fixed.txt"))?.Status);

        await harness.UploadAsync("fixed.txt", Encoding.UTF8.GetBytes(BadInputCorpus.English));
        var outcome = await harness.Processor.ProcessAsync("fixed.txt", CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        Assert.Equal(SummaryStatus.Ok, (await harness.ReadResultAsync("fixed.txt"))?.Status);
    }

    [Fact]
    public async Task ProcessAsync_SameContentUnderNewName_GetsItsOwnResultWithSameHash()
    {
        var content = Encoding.UTF8.GetBytes(BadInputCorpus.Arabic);
        await harness.UploadAsync("first/article.txt", content);
        await harness.UploadAsync("second/copy of article.txt", content);

        await harness.Processor.ProcessAsync("first/article.txt", CancellationToken.None);
        var outcome = await harness.Processor.ProcessAsync("second/copy of article.txt", CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        var first = await harness.ReadResultAsync("first/article.txt");
        var second = await harness.ReadResultAsync("second/copy of article.txt");
        Assert.Equal(SummaryStatus.Ok, second?.Status);
        Assert.Equal("second/copy of article.txt", second?.Source.Name);
        Assert.Equal(first?.Source.Sha256, second?.Source.Sha256);
    }

    [Fact]
    public async Task ProcessAsync_DeletedBeforeProcessing_WritesNothing()
    {
        await harness.UploadAsync("gone.txt", Encoding.UTF8.GetBytes(BadInputCorpus.English));
        await harness.Container.DeleteBlobAsync("gone.txt");

        var outcome = await harness.Processor.ProcessAsync("gone.txt", CancellationToken.None);

        Assert.Equal(ProcessingResult.ArticleGone, outcome.Result);
        Assert.Empty(await harness.ListAsync());
    }

    private Task<CorpusHarness> CreateSutAsync() => CorpusHarness.CreateAsync(azurite);
}
