using Json.Schema;

namespace NewsSummarizer.IntegrationTests.Corpus;

/// <summary>The real pipeline (AddNewsSummarizer, BlobArticleStore, the offline provider) over a fresh container in
/// Azurite, and the checks every corpus case shares.</summary>
public sealed class CorpusHarness : IAsyncDisposable
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(SummarySchema.Text);
    private readonly ServiceProvider services;

    private CorpusHarness(ServiceProvider services, BlobContainerClient container)
    {
        this.services = services;
        Container = container;
    }

    public BlobContainerClient Container { get; }

    public ArticleProcessor Processor => services.GetRequiredService<ArticleProcessor>();

    public static async Task<CorpusHarness> CreateAsync(AzuriteFixture azurite, int maxArticleBytes = BadInputCorpus.MaxArticleBytes)
    {
        var containerName = AzuriteFixture.NewContainerName("corpus");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["ArticlesContainer"] = containerName,
            ["Summarizer:MaxArticleBytes"] = maxArticleBytes.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddNewsSummarizer(configuration).BuildServiceProvider();
        var container = azurite.BlobService.GetBlobContainerClient(containerName);
        await container.CreateIfNotExistsAsync();
        return new CorpusHarness(services, container);
    }

    public async Task<string> UploadAsync(string name, byte[] content, string? contentType = null)
    {
        var response = await Container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = contentType is null ? null : new BlobHttpHeaders { ContentType = contentType } });
        return response.Value.ETag.ToString();
    }

    /// <summary>Uploads the case and runs the processor on it once: the result must be written. Returns it with the
    /// article's ETag.</summary>
    public async Task<(SummaryDocument Document, string ETag)> ProcessOnceAsync(CorpusCase corpusCase)
    {
        ArgumentNullException.ThrowIfNull(corpusCase);
        var etag = await UploadAsync(corpusCase.BlobName, corpusCase.Content, corpusCase.ContentType);

        var outcome = await Processor.ProcessAsync(corpusCase.BlobName, CancellationToken.None);

        Assert.Equal(ProcessingResult.Written, outcome.Result);
        var document = await ReadResultAsync(corpusCase.BlobName);
        Assert.NotNull(document);
        return (document, etag);
    }

    public async Task<SummaryDocument?> ReadResultAsync(string name)
    {
        var blob = Container.GetBlobClient(SummaryBlobNames.ResultFor(name));
        if (!(await blob.ExistsAsync()).Value)
        {
            return null;
        }

        var content = (await blob.DownloadContentAsync()).Value.Content.ToMemory();
        AssertMatchesSchema(content);
        return SummaryJson.TryDeserialize(content.Span);
    }

    /// <summary>The article is still there, unmodified: same ETag and same bytes.</summary>
    public async Task AssertUntouchedAsync(string name, string etag, byte[] content)
    {
        var download = (await Container.GetBlobClient(name).DownloadContentAsync()).Value;
        Assert.Equal(etag, download.Details.ETag.ToString());
        Assert.Equal(content, download.Content.ToArray());
    }

    public async Task<List<string>> ListAsync()
    {
        var names = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        await Container.DeleteIfExistsAsync();
        await services.DisposeAsync();
    }

    private static void AssertMatchesSchema(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "The result does not match summary.schema.json: " + JsonSerializer.Serialize(result));
    }
}
