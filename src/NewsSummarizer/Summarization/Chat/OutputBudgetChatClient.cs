using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>A reply cut at the output budget (<c>finish_reason: length</c>) is asked again once with twice the budget.</summary>
/// <remarks>A second cut reply is final: <see cref="SummarizationException"/> <c>output-truncated</c>, naming the
/// settings to change (logged by <see cref="ModelFailureChatClient"/> above). The response returned carries the usage
/// of both calls.</remarks>
internal sealed partial class OutputBudgetChatClient(IChatClient innerClient, ILogger logger) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var first = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        if (first.FinishReason != ChatFinishReason.Length || options?.MaxOutputTokens is not { } budget)
        {
            return first;
        }

        LogTruncated(logger, budget, Reasoning(first), budget * 2);
        var doubled = options.Clone();
        doubled.MaxOutputTokens = budget * 2;
        var second = await base.GetResponseAsync(messages, doubled, cancellationToken).ConfigureAwait(false);
        var reasoning = Reasoning(second);
        second.Usage = Sum(first.Usage, second.Usage);
        if (second.FinishReason != ChatFinishReason.Length)
        {
            return second;
        }

        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"The model used its whole output budget of {budget * 2} tokens{reasoning} without finishing the reply, also after one retry with twice Summarizer__MaxOutputTokens ({budget}).") +
            " Raise Summarizer__MaxOutputTokens, or set Summarizer__ReasoningEffort to low so a reasoning model spends fewer tokens thinking.";
        throw new SummarizationException(ModelErrorCodes.OutputTruncated, message);
    }

    private static string Reasoning(ChatResponse response) => response.Usage?.ReasoningTokenCount is { } spent
        ? string.Create(CultureInfo.InvariantCulture, $", {spent} of them on hidden reasoning")
        : string.Empty;

    private static UsageDetails? Sum(UsageDetails? first, UsageDetails? second)
    {
        if (first is null || second is null)
        {
            return second ?? first;
        }

        var sum = new UsageDetails();
        sum.Add(first);
        sum.Add(second);
        return sum;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply was cut at the output budget of {Budget} tokens{Reasoning}; asking once more with {Doubled}")]
    private static partial void LogTruncated(ILogger logger, int budget, string reasoning, int doubled);
}
