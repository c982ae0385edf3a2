using Azure.Storage.Blobs;

namespace NewsSummarizer.Testing;

/// <summary>The real DevHost with the OpenAI-compatible provider on a fake model server, so both languages exist,
/// watching a container of its own in Azurite (created before this returns).</summary>
public sealed class BilingualDevHost : IAsyncDisposable
{
    private BilingualDevHost(FakeModelServer model, DevHostRunner host, BlobContainerClient container)
    {
        Model = model;
        Host = host;
        Container = container;
    }

    public FakeModelServer Model { get; }

    public DevHostRunner Host { get; }

    public BlobContainerClient Container { get; }

    public static async Task<BilingualDevHost> StartAsync(AzuriteFixture azurite, string containerName)
    {
        var model = await FakeModelServer.StartAsync();
        DevHostRunner? host = null;
        try
        {
            host = await DevHostRunner.StartAsync(azurite, containerName, model.OpenAISettings());
            var container = azurite.BlobService.GetBlobContainerClient(containerName);
            await container.CreateIfNotExistsAsync();
            return new BilingualDevHost(model, host, container);
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            await model.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }
}
