using Azure.Storage.Blobs;
using Xunit;

namespace NewsSummarizer.Testing;

/// <summary>A real Azurite (blob + queue) from the repository's node_modules, in memory, on free loopback ports.
/// If it cannot start, every test using it fails with the reason: it never skips.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly AzuriteProcess azurite = new();

    public int BlobPort => azurite.BlobPort;

    public int QueuePort => azurite.QueuePort;

    public string ConnectionString => azurite.ConnectionString;

    public BlobServiceClient BlobService => azurite.BlobService;

    /// <summary>A fresh container name, so tests sharing one Azurite never see each other's blobs.</summary>
    public static string NewContainerName(string prefix = "articles") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];

    /// <summary>A fresh, empty container (<see cref="NewContainerName"/>), created.</summary>
    public async Task<BlobContainerClient> CreateContainerAsync(string prefix = "articles")
    {
        var container = BlobService.GetBlobContainerClient(NewContainerName(prefix));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    public Task InitializeAsync() => azurite.StartAsync();

    public Task DisposeAsync() => azurite.StopAsync();
}

/// <summary>The name of the collection sharing one <see cref="AzuriteFixture"/>. xunit looks for the collection
/// definition in the test assembly, so each test project declares it once:
/// <c>[CollectionDefinition(AzuriteCollection.Name)] class …: ICollectionFixture&lt;AzuriteFixture&gt;</c>.</summary>
public static class AzuriteCollection
{
    public const string Name = "Azurite";
}
