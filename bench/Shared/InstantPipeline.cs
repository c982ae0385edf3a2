using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsSummarizer.Hosting;

namespace NewsSummarizer.Benchmarks.Shared;

/// <summary>The core's services as the hosts build them (<see cref="ServiceCollectionExtensions.AddNewsSummarizer"/>),
/// OpenAI provider, with an <see cref="InstantChatClient"/> registered first so the chat summariser talks to it.</summary>
internal static class InstantPipeline
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
        services.AddSingleton<IChatClient>(model);
        services.AddNewsSummarizer(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }
}
