namespace NewsSummarizer.IntegrationTests.Models;

/// <summary>The two providers' settings against a fake model server, and the core's services built from them.</summary>
internal static class ModelServices
{
    public const string Deployment = "gpt-5-mini";

    public static Dictionary<string, string?> Settings(string provider, FakeModelServer server, IDictionary<string, string?>? extra = null)
    {
        var settings = provider == "AzureOpenAI"
            ? new Dictionary<string, string?>
            {
                ["Summarizer:Provider"] = "AzureOpenAI",
                ["AzureOpenAI:Endpoint"] = server.Endpoint.ToString(),
                ["AzureOpenAI:Deployment"] = Deployment,
                ["AzureOpenAI:ApiKey"] = "test-key",
            }
            : new Dictionary<string, string?>
            {
                ["Summarizer:Provider"] = "OpenAI",
                ["OpenAI:Endpoint"] = new Uri(server.Endpoint, "v1/").ToString(),
                ["OpenAI:Model"] = Deployment,
            };
        settings["Summarizer:ModelRetryDelay"] = "00:00:00.050";
        settings["Summarizer:ModelAttemptTimeout"] = "00:00:10";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static ServiceProvider Create(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .AddInMemoryCollection(settings)
            .Build();
        return new ServiceCollection().AddLogging().AddNewsSummarizer(configuration).BuildServiceProvider();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
