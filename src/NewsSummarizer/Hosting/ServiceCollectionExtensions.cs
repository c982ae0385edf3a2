using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles;
using NewsSummarizer.Articles.Extraction;
using NewsSummarizer.Processing;
using NewsSummarizer.Processing.Retries;
using NewsSummarizer.Storage;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Chat;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Telemetry;

namespace NewsSummarizer.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything the Functions app and the DevHost serve: storage, summaries, processing and the HTTP API.</summary>
    public static IServiceCollection AddNewsSummarizer(this IServiceCollection services, IConfiguration configuration) =>
        services.AddNewsSummarizerStorage(configuration)
            .AddNewsSummarizerSummaries(configuration)
            .AddNewsSummarizerProcessing(configuration)
            .AddNewsSummarizerApi();

    /// <summary>The articles container (<see cref="IArticleStore"/>, <see cref="ArticleUploader"/>) and the credential
    /// and clock every feature shares, with validated storage settings.</summary>
    public static IServiceCollection AddNewsSummarizerStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<StorageOptions>().Bind(configuration).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new StorageConnection.Validator(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton(sp => StorageConnection.CreateBlobServiceClient(configuration, sp.GetRequiredService<TokenCredential>));
        services.TryAddSingleton<IArticleStore>(sp => new BlobArticleStore(
            sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>()));
        services.TryAddSingleton<ArticleUploader>();
        return services;
    }

    /// <summary>Reading articles (<see cref="ArticleReader"/> over the extractor processes) and summarising them
    /// (<see cref="SummaryService"/>, the configured <see cref="ISummarizer"/> over the model pipeline), with telemetry
    /// and the service doctor.</summary>
    public static IServiceCollection AddNewsSummarizerSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<SummarizerOptions>()
            .Bind(configuration.GetSection(SummarizerOptions.SectionName)).ValidateDataAnnotations();
        services.AddOptions<AzureOpenAIOptions>().Bind(configuration.GetSection(AzureOpenAIOptions.SectionName));
        services.AddOptions<OpenAIOptions>().Bind(configuration.GetSection(OpenAIOptions.SectionName));
        services.AddOptionsWithValidateOnStart<ExtractionOptions>()
            .Bind(configuration.GetSection(ExtractionOptions.SectionName)).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<SummarizerOptions>, SummarizerOptionsValidator>();

        var resilience = services.AddHttpClient(ModelResilience.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler();
        services.AddOptions<HttpStandardResilienceOptions>(resilience.PipelineName)
            .Configure<IOptions<SummarizerOptions>>((handler, summarizer) => ModelResilience.Configure(handler, summarizer.Value));

        services.TryAddSingleton(sp => ModelDescription.From(
            sp.GetRequiredService<IOptions<SummarizerOptions>>().Value,
            sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value,
            sp.GetRequiredService<IOptions<OpenAIOptions>>().Value));
        services.TryAddSingleton<TokenCounter>();
        services.TryAddSingleton<ExtractiveSummarizer>();
        services.TryAddSingleton(CreateModelClient);
        services.TryAddSingleton(sp => sp.GetRequiredService<ModelClient>().Client);
        services.TryAddSingleton(CreateSummarizer);

        services.AddMetrics();
        services.TryAddSingleton<SummarizerTelemetry>();
        services.TryAddSingleton<ExtractorPool>();
        services.TryAddSingleton<IArticleExtractor>(sp => sp.GetRequiredService<ExtractorPool>());
        services.TryAddSingleton<ArticleReader>();
        services.TryAddSingleton<SummaryService>();
        services.TryAddSingleton<Diagnostics.ServiceDoctor>();
        return services;
    }

    /// <summary>The blob path: <see cref="ArticleProcessor"/>, its retry queue and planner, kept outputs, and backfill.</summary>
    public static IServiceCollection AddNewsSummarizerProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<ArticleRetryOptions>()
            .Bind(configuration.GetSection(ArticleRetryOptions.SectionName)).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<ArticleRetryOptions>, ArticleRetryOptions.Validator>();
        services.TryAddSingleton<IRetryQueue>(sp => new StorageRetryQueue(
            StorageConnection.CreateQueueServiceClient(configuration, sp.GetRequiredService<TokenCredential>).GetQueueClient(ArticleRetryQueue.Name)));
        services.TryAddSingleton<RetryPlanner>();
        services.TryAddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<SummarizerOptions>>().Value.KeptResultsDirectory;
            return new PendingResults(
                sp.GetRequiredService<TimeProvider>(),
                !string.IsNullOrWhiteSpace(configured) ? configured
                    : KeptResultFiles.DefaultDirectory(sp.GetRequiredService<BlobServiceClient>().Uri, sp.GetRequiredService<IOptions<StorageOptions>>().Value.ArticlesContainer));
        });
        services.TryAddSingleton<ArticleProcessor>();
        services.TryAddSingleton<BackfillService>();
        return services;
    }

    /// <summary>The HTTP handlers the Functions app and the DevHost map (health, summaries, articles, the reading page).</summary>
    public static IServiceCollection AddNewsSummarizerApi(this IServiceCollection services)
    {
        services.TryAddSingleton<Http.HealthEndpoint>();
        services.TryAddSingleton<Http.SummariesApi>();
        services.TryAddSingleton<Http.ArticlesApi>();
        services.TryAddSingleton<Http.PageFiles>();
        return services;
    }

    /// <summary>Replaces only the innermost chat client, the provider SDK's, with <paramref name="create"/>'s: the model
    /// pipeline above it (request shaping, the concurrency limit, the tokens-per-minute budget) stays as production
    /// builds it. For tests and benchmarks; call it before or after <see cref="AddNewsSummarizer"/>. Registering an
    /// <see cref="IChatClient"/> instead would replace the whole pipeline.</summary>
    public static IServiceCollection AddInnerChatClient(this IServiceCollection services, Func<IServiceProvider, IChatClient> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        services.RemoveAll<InnerChatClientFactory>();
        services.AddSingleton(new InnerChatClientFactory(create));
        return services;
    }

    private static ISummarizer CreateSummarizer(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SummarizerOptions>>();
        if (options.Value.Provider == SummarizerProvider.Extractive)
        {
            return services.GetRequiredService<ExtractiveSummarizer>();
        }

        var model = services.GetRequiredService<ModelClient>();
        return new ChatSummarizer(
            services.GetRequiredService<IChatClient>(),
            model.Info,
            options,
            services.GetRequiredService<TokenCounter>(),
            services.GetRequiredService<ILogger<ChatSummarizer>>());
    }

    private static ModelClient CreateModelClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SummarizerOptions>>().Value;
        var httpClient = services.GetRequiredService<IHttpClientFactory>().CreateClient(ModelResilience.HttpClientName);
        var (client, info) = ModelClientFactory.Create(
            options,
            services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value,
            services.GetRequiredService<IOptions<OpenAIOptions>>().Value,
            httpClient,
            services.GetRequiredService<TokenCredential>,
            services.GetService<InnerChatClientFactory>()?.Create(services));
        // Outermost first (ModelPipeline): the recoveries of one call, the concurrency limit, the throttle gate (checked
        // once a call has its slot), the tokens-per-minute budget charged right before the wire, the request shaping.
        var builder = new ChatClientBuilder(client)
            .UseModelRecoveries(info, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>())
            .Use(inner => new ConcurrencyLimitingChatClient(inner, options.MaxConcurrentModelCalls))
            .Use(inner => new ThrottleGateChatClient(
                inner, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<ThrottleGateChatClient>>()));
        if (options.TokensPerMinute > 0)
        {
            builder.Use(inner => new TokenBudgetChatClient(
                inner,
                options.TokensPerMinute,
                services.GetRequiredService<TokenCounter>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<TokenBudgetChatClient>>()));
        }

        builder.UseRequestShaping(azure: info.Provider == ModelProvider.AzureOpenAI);
        return new ModelClient(builder.Build(services), info);
    }

    /// <summary>What <see cref="AddInnerChatClient"/> registered.</summary>
    internal sealed class InnerChatClientFactory(Func<IServiceProvider, IChatClient> create)
    {
        public IChatClient Create(IServiceProvider services) => create(services);
    }

    /// <summary>The model pipeline over the provider's chat client (<see cref="ModelPipeline"/>) and what it is.</summary>
    internal sealed record ModelClient(IChatClient Client, ChatModelInfo Info);
}
