namespace NewsSummarizer.IntegrationTests.Models;

/// <summary>The two providers' settings against a fake model server, the core's services built from them, and the
/// article the model tests summarise.</summary>
internal static class ModelServices
{
    public const string Deployment = "gpt-5-mini";

    /// <summary>A short English article every model test sends.</summary>
    public static Article Article { get; } = new(
        string.Join('\n', Enumerable.Repeat("The council approved the new transport budget after a long debate on Tuesday.", 5)), null, ArticleLanguage.English);

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
            : server.OpenAISettings(Deployment);
        settings["Summarizer:ModelRetryDelay"] = "00:00:00.050";
        settings["Summarizer:ModelAttemptTimeout"] = "00:00:10";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The registered summariser's summary of <see cref="Article"/>.</summary>
    public static Task<SummaryContent> SummarizeArticleAsync(this IServiceProvider services) =>
        services.GetRequiredService<ISummarizer>().SummarizeAsync(Article, SummaryLength.Default, CancellationToken.None);

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
