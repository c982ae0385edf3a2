namespace NewsSummarizer.IntegrationTests.Corpus;

/// <summary>Corpus cases end to end through the real DevHost's blob trigger, and the poison path: a model that
/// always fails exhausts the trigger's attempts and the poison-queue handler writes <c>failed</c>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CorpusDevHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Upload_HandfulOfCorpusCases_EachGetsItsExpectedResultThroughTheTrigger()
    {
        string[] ids = ["windows-1256", "utf16le-no-bom", "png-named-txt", "json-news-item", "html-page", "one-byte-over", "name-hash", "empty"];
        var (host, container) = await CreateSutAsync(new Dictionary<string, string?>
        {
            ["Summarizer:MaxArticleBytes"] = BadInputCorpus.MaxArticleBytes.ToString(CultureInfo.InvariantCulture),
        });
        await using var _ = host;
        var etags = new Dictionary<string, string>();
        foreach (var corpusCase in ids.Select(BadInputCorpus.Get))
        {
            var upload = await container.GetBlobClient(corpusCase.BlobName).UploadAsync(
                BinaryData.FromBytes(corpusCase.Content),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = corpusCase.ContentType } });
            etags[corpusCase.Id] = upload.Value.ETag.ToString();
        }

        foreach (var corpusCase in ids.Select(BadInputCorpus.Get))
        {
            var document = await StoredResults.WaitForAsync(container, corpusCase.BlobName);

            Assert.Equal(corpusCase.Expected.Status, WireNames.Of(document.Status));
            Assert.Equal(corpusCase.Expected.ErrorCode, document.Error?.Code);
            Assert.Equal(corpusCase.Expected.Encoding ?? document.Source.Encoding, document.Source.Encoding);
            Assert.Equal(etags[corpusCase.Id], (await container.GetBlobClient(corpusCase.BlobName).GetPropertiesAsync()).Value.ETag.ToString());
        }
    }

    [Fact]
    public async Task Upload_ModelAlwaysFails_WritesFailedWithTheHistoryAfterTheScheduledRetries()
    {
        await using var model = await FakeModelServer.StartAsync();
        model.Script = _ => new FakeReply(500);
        var settings = model.OpenAISettings();
        settings["Summarizer:ModelMaxRetries"] = "0";
        settings["Retries:BaseDelay"] = "00:00:01";
        settings["Retries:MaxDelay"] = "00:00:01";
        settings["Retries:MaxDeferrals"] = "2";
        var (host, container) = await CreateSutAsync(settings);
        await using var _ = host;
        var upload = await container.GetBlobClient("doomed.txt").UploadAsync(BinaryData.FromString(BadInputCorpus.English));

        var document = await StoredResults.WaitForAsync(container, "doomed.txt", d => d.Status == SummaryStatus.Failed);

        Assert.Equal("retries-exhausted", document.Error?.Code);
        Assert.Contains("attempt 1:", document.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 3:", document.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(upload.Value.ETag.ToString(), document.Source.ETag);
        Assert.Equal(3, model.RequestCount); // the trigger's call and two scheduled ones, never five back to back
        Assert.Equal(upload.Value.ETag, (await container.GetBlobClient("doomed.txt").GetPropertiesAsync()).Value.ETag);
    }

    private async Task<(DevHostRunner Host, BlobContainerClient Container)> CreateSutAsync(IDictionary<string, string?> settings)
    {
        var container = await azurite.CreateContainerAsync("e2e");
        return (await DevHostRunner.StartAsync(azurite, container.Name, settings), container);
    }
}
