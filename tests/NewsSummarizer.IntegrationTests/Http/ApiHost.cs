namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>The DevHost the API tests call: the default (extractive) provider and their own article size limit.</summary>
internal static class ApiHost
{
    public static Task<DevHostRunner> StartAsync(AzuriteFixture azurite, string containerName, int maxArticleBytes) =>
        DevHostRunner.StartAsync(azurite, containerName, new Dictionary<string, string?>
        {
            ["Summarizer:MaxArticleBytes"] = maxArticleBytes.ToString(CultureInfo.InvariantCulture),
        });
}
