using Azure.Core;
using Microsoft.Extensions.Configuration;
using NewsSummarizer.Hosting;

namespace NewsSummarizer.Tests.Hosting;

public sealed class StorageConnectionTests
{
    [Fact]
    public void CreateQueueServiceClient_ConnectionString_UsesItsQueueEndpoint()
    {
        var client = StorageConnection.CreateQueueServiceClient(
            Configuration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }), Unused);

        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), client.Uri);
    }

    [Theory]
    [InlineData("https://st1.queue.core.windows.net/", null, "https://st1.queue.core.windows.net/")]
    [InlineData(null, "https://st1.blob.core.windows.net/", "https://st1.queue.core.windows.net/")]
    public void CreateQueueServiceClient_IdentityBased_UsesTheQueueEndpointOrTheBlobAccountsOne(string? queue, string? blob, string expected)
    {
        var client = StorageConnection.CreateQueueServiceClient(
            Configuration(new() { ["AzureWebJobsStorage:queueServiceUri"] = queue, ["AzureWebJobsStorage:blobServiceUri"] = blob }),
            () => new Azure.Identity.DefaultAzureCredential());

        Assert.Equal(new Uri(expected), client.Uri);
    }

    [Fact]
    public void CreateQueueServiceClient_NothingConfigured_SaysWhatToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.CreateQueueServiceClient(Configuration([]), Unused));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    private static TokenCredential Unused() => throw new InvalidOperationException("No credential is needed here.");

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
