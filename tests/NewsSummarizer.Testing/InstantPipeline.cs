using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Hosting;

namespace NewsSummarizer.Testing;

/// <summary>The core's services as the hosts build them (<see cref="ServiceCollectionExtensions.AddNewsSummarizer"/>),
/// OpenAI provider, with an <see cref="InstantChatClient"/> in place of the SDK's client only
/// (<see cref="ServiceCollectionExtensions.AddInnerChatClient"/>), so every layer of the production model pipeline
/// (request shaping, concurrency limit, token budget) is measured.</summary>
public static class InstantPipeline
{
    public static ServiceProvider Build(string storageConnectionString, string container, InstantChatClient model)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["ArticlesContainer"] = container,
            ["Summarizer:Provider"] = "OpenAI",
            ["OpenAI:Model"] = "instant",
            ["OpenAI:Endpoint"] = "http://127.0.0.1:9/v1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNewsSummarizer(configuration);
        services.AddInnerChatClient(_ => model);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }
}
