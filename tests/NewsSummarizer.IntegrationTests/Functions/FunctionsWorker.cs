using NewsSummarizer.Testing.FunctionsHost;

namespace NewsSummarizer.IntegrationTests.Functions;

/// <summary>The built Functions app under <see cref="FunctionsHostStandIn"/>, on a container of its own in Azurite and
/// the OpenAI-compatible provider on a fake model server (the contract-faithful one the DevHost tests use).</summary>
internal sealed class FunctionsWorker : IAsyncDisposable
{
    private FunctionsWorker(FakeModelServer model, FunctionsHostStandIn host, BlobContainerClient container)
    {
        Model = model;
        Host = host;
        Container = container;
    }

    public FakeModelServer Model { get; }

    public FunctionsHostStandIn Host { get; }

    public BlobContainerClient Container { get; }

    /// <summary>Settings as the app has them in Azure (app settings), here pointed at Azurite and the fake model;
    /// <paramref name="extra"/> on top (e.g. short timeouts).</summary>
    public static async Task<FunctionsWorker> StartAsync(
        AzuriteFixture azurite, ITestOutputHelper output, IDictionary<string, string?>? extra = null, string? containerName = null)
    {
        var model = await FakeModelServer.StartAsync();
        try
        {
            var container = azurite.BlobService.GetBlobContainerClient(containerName ?? AzuriteFixture.NewContainerName("functions"));
            await container.CreateIfNotExistsAsync();
            var settings = model.OpenAISettings();
            settings["AzureWebJobsStorage"] = azurite.ConnectionString;
            settings["ArticlesContainer"] = container.Name;
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            var host = await FunctionsHostStandIn.StartAsync(settings, line => TryWrite(output, line));
            return new FunctionsWorker(model, host, container);
        }
        catch
        {
            await model.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }

    // The worker logs on its own threads; xunit refuses output after the test has ended.
    private static void TryWrite(ITestOutputHelper output, string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
