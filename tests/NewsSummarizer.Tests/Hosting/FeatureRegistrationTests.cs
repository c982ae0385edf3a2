using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Articles;
using NewsSummarizer.Cli;
using NewsSummarizer.Diagnostics;
using NewsSummarizer.Http;

namespace NewsSummarizer.Tests.Hosting;

/// <summary>Each host takes the features it uses: the CLI resolves everything its commands need (the provider is
/// built with ValidateOnBuild) and carries no HTTP handler; the hosts that serve HTTP get all four features.</summary>
public sealed class FeatureRegistrationTests
{
    [Fact]
    public void CliHost_Services_HaveItsCommandsDependenciesAndNoHttpHandlers()
    {
        using var services = CliHost.Create();

        Assert.NotNull(services.GetRequiredService<ArticleReader>());
        Assert.NotNull(services.GetRequiredService<ArticleUploader>());
        Assert.NotNull(services.GetRequiredService<BackfillService>());
        Assert.NotNull(services.GetRequiredService<ServiceDoctor>());
        Assert.Null(services.GetService<SummariesApi>());
        Assert.Null(services.GetService<ArticlesApi>());
        Assert.Null(services.GetService<HealthEndpoint>());
        Assert.Null(services.GetService<PageFiles>());
    }
}
