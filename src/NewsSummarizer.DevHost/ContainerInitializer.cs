using NewsSummarizer.Storage;

namespace NewsSummarizer.DevHost;

/// <summary>Creates the articles container before the trigger starts listening (Bicep creates it in Azure).</summary>
internal sealed class ContainerInitializer(ArticleUploader uploader) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => uploader.EnsureContainerAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
