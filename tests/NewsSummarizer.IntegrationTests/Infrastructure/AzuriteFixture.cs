using Azure.Storage.Blobs;

namespace NewsSummarizer.IntegrationTests.Infrastructure;

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

    public Task InitializeAsync() => azurite.StartAsync();

    public Task DisposeAsync() => azurite.StopAsync();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
