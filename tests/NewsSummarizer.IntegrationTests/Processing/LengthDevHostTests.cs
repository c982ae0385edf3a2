namespace NewsSummarizer.IntegrationTests.Processing;

/// <summary>The <c>summary_length</c> blob metadata through the real DevHost on Azurite: the fake model is asked for
/// that length (and once again when its reply is far off), the extractive provider writes that many sentences, and
/// the result records the length.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LengthDevHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Upload_SummaryLengthMetadataOnModel_PromptAsksForItAndFarOffReplyIsRepairedOnce()
    {
        await using var devHost = await BilingualDevHost.StartAsync(azurite, AzuriteFixture.NewContainerName("length"));
        await UploadAsync(devHost.Container, "brief.txt", English("brief"), "brief");
        await UploadAsync(devHost.Container, "five.txt", English("five"), "5");

        var brief = await StoredResults.WaitForAsync(devHost.Container, "brief.txt");
        var five = await StoredResults.WaitForAsync(devHost.Container, "five.txt");

        Assert.Equal((SummaryStatus.Ok, "brief"), (brief.Status, brief.Length));
        var briefCalls = Calls(devHost.Model, "ref-brief");
        Assert.Contains("Write summary.ar and summary.en in exactly 1 sentence each", Assert.Single(briefCalls), StringComparison.Ordinal);
        Assert.Equal(FakeModelServer.EnglishSummary, brief.Summary.En);

        // The fake model always answers with one sentence: far off five, so asked once again, then accepted as it is.
        Assert.Equal((SummaryStatus.Ok, "5"), (five.Status, five.Length));
        var fiveCalls = Calls(devHost.Model, "ref-five");
        Assert.Equal(2, fiveCalls.Count);
        Assert.Contains("in exactly 5 sentences each", fiveCalls[0], StringComparison.Ordinal);
        Assert.Contains("Your summaries are not the length asked: summary.en has 1 sentences", fiveCalls[1], StringComparison.Ordinal);
        Assert.Equal(FakeModelServer.EnglishSummary, five.Summary.En);
    }

    [Fact]
    public async Task Upload_SummaryLengthMetadataOnExtractive_WritesThatManySentencesAndReSummarisesForAnotherLength()
    {
        var container = await azurite.CreateContainerAsync("length");
        // The polling trigger often misses an upload that lands in the same second as the result it follows (listings
        // give Last-Modified to the second); the DevHost's sweep takes that version, here after a short grace.
        await using var host = await DevHostRunner.StartAsync(azurite, container.Name, new Dictionary<string, string?>
        {
            ["Summarizer:Provider"] = "Extractive",
            ["DevHost:SweepInterval"] = "00:00:01",
            ["DevHost:SweepGrace"] = "00:00:02",
        });
        // Without the headline line, which has no full stop: every sentence of the text ends with one.
        var text = string.Join('\n', File.ReadAllLines(SampleArticles.EnglishSeedPath).Skip(2));

        await UploadAsync(container, "news.txt", text, "brief");
        var brief = await StoredResults.WaitForAsync(container, "news.txt");
        await UploadAsync(container, "news.txt", text, "3");
        var three = await StoredResults.WaitForAsync(container, "news.txt", d => d.Length == "3");

        Assert.Equal((SummaryStatus.Ok, "brief"), (brief.Status, brief.Length));
        Assert.Equal(1, CountSentences(brief.Summary.En!));
        Assert.Equal(SummaryStatus.Ok, three.Status);
        Assert.Equal(3, CountSentences(three.Summary.En!));
    }

    private static async Task UploadAsync(BlobContainerClient container, string name, string text, string length) =>
        await container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(Encoding.UTF8.GetBytes(text)),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["summary_length"] = length } });

    private static List<string> Calls(FakeModelServer model, string marker) =>
        [.. model.RawRequests.Select(r => FakeModelContract.MessagesText(JsonNode.Parse(r.Body)!)).Where(t => t.Contains(marker, StringComparison.Ordinal))];

    private static string English(string id) =>
        $"Report reference ref-{id}.\n" + SampleArticles.EnglishSeed;

    private static int CountSentences(string text) =>
        text.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
}
