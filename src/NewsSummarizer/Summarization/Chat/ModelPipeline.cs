using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>The layers of the model pipeline as <see cref="ChatClientBuilder"/> extensions, outermost first.</summary>
/// <remarks>Production (<c>AddNewsSummarizerSummaries</c>): failures → output budget → concurrency limit → throttle
/// gate → tokens-per-minute budget → request shaping → the provider's SDK. The recoveries that need the reply itself
/// (a repair of an invalid reply or a length far off, splitting an article too long for the context) are
/// <see cref="ChatSummarizer"/>'s, above the pipeline.</remarks>
internal static class ModelPipeline
{
    /// <summary>The recoveries of one call: classified failures, then one retry of a reply cut at the output budget.</summary>
    public static ChatClientBuilder UseModelRecoveries(this ChatClientBuilder builder, ChatModelInfo model, TimeProvider time, ILoggerFactory loggers) =>
        builder
            .Use(inner => new ModelFailureChatClient(inner, model, time, loggers.CreateLogger<ModelFailureChatClient>()))
            .Use(inner => new OutputBudgetChatClient(inner, loggers.CreateLogger<OutputBudgetChatClient>()));

    /// <summary>Says in the SDK's terms what Microsoft.Extensions.AI cannot (<see cref="OpenAIRequestShaper"/>): the
    /// innermost layer.</summary>
    public static ChatClientBuilder UseRequestShaping(this ChatClientBuilder builder, bool azure) =>
        builder.Use(inner => new OpenAIRequestShaper(inner, azure));
}
