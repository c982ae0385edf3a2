using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>The outermost layer of the model pipeline: what a call throws becomes a classified failure.</summary>
/// <remarks>Transient failures (after the resilience handler's whole budget) surface as
/// <see cref="ModelUnavailableException"/>, final ones as <see cref="SummarizationException"/>, each logged once; a
/// completion the content filter blocked (<c>finish_reason: content_filter</c>) is final at once; a final failure a
/// layer below throws is logged here too. Classification is <see cref="ModelFailureClassifier"/>'s.</remarks>
internal sealed partial class ModelFailureChatClient(IChatClient innerClient, ChatModelInfo model, TimeProvider time, ILogger logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (SummarizationException refused)
        {
            // A final failure a layer below decided (a reply cut twice at the output budget): logged here, once.
            LogFinalFailure(logger, refused.Code, refused.Message);
            throw;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested &&
            ModelFailureClassifier.Classify(exception, model, time) is { } failure)
        {
            throw Logged(failure).ToException(exception);
        }

        return response.FinishReason == ChatFinishReason.ContentFilter
            ? throw Logged(ModelFailureClassifier.CompletionFiltered(response.RawRepresentation)).ToException(null)
            : response;
    }

    private ModelFailure Logged(ModelFailure failure)
    {
        if (failure.IsTransient)
        {
            LogUnavailable(logger, failure.Message);
        }
        else
        {
            LogFinalFailure(logger, failure.Code, failure.Message);
        }

        return failure;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call failed after the retry budget: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model refused the call ({Code}); final, not retried: {Reason}")]
    private static partial void LogFinalFailure(ILogger logger, string code, string reason);
}
