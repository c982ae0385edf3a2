using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Which model a <see cref="ChatSummarizer"/> talks to, as written to <c>model.provider</c> and <c>model.model</c>.</summary>
public sealed record ChatModelInfo(string Provider, string Model);

/// <summary>Bilingual summaries from a chat model: one call per article (one per part for articles over the input
/// budget, plus one that combines the parts), JSON-schema structured output, one repair attempt for an invalid reply.</summary>
public sealed partial class ChatSummarizer(
    IChatClient chatClient,
    ChatModelInfo modelInfo,
    IOptions<SummarizerOptions> options,
    TokenCounter tokenCounter,
    ILogger<ChatSummarizer> logger) : ISummarizer
{
    private const string CombineTask =
        "The article below is made of summaries of consecutive parts of one long article. " +
        "Write one summary of the whole article in Arabic and English.";

    private readonly ArticleSplitter splitter = new(tokenCounter);

    public string Provider => modelInfo.Provider;

    public string PromptVersion => SummaryPrompt.Version;

    public async Task<SummaryContent> SummarizeAsync(Article article, SummaryLength length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var budget = options.Value.MaxInputTokens;
        var usage = new TokenTally();
        ModelReply reply;
        if (tokenCounter.Count(article.Text) <= budget)
        {
            reply = await AskAsync(article, SummaryPrompt.SingleTask, usage, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var parts = splitter.Split(article.Text, budget);
            LogSplit(logger, parts.Count, budget);
            var partReplies = new List<ModelReply>(parts.Count);
            for (var i = 0; i < parts.Count; i++)
            {
                var task = string.Create(
                    CultureInfo.InvariantCulture,
                    $"This is part {i + 1} of {parts.Count} of one long article. Summarise this part in Arabic and English.");
                var part = article with { Text = parts[i], Title = i == 0 ? article.Title : null };
                partReplies.Add(await AskAsync(part, task, usage, cancellationToken).ConfigureAwait(false));
            }

            var combined = new Article(JoinParts(partReplies), article.Title, article.Language);
            reply = await AskAsync(combined, CombineTask, usage, cancellationToken).ConfigureAwait(false);
        }

        return new SummaryContent(
            new LocalizedText(reply.Title!.Ar, reply.Title.En),
            new LocalizedText(reply.Summary!.Ar, reply.Summary.En),
            new LocalizedList(reply.KeyPoints!.Ar!, reply.KeyPoints.En!),
            new ModelUsage(modelInfo.Provider, modelInfo.Model, PromptVersion, usage.Input, usage.Output),
            Unavailable: [],
            UnavailableReason: null);
    }

    private async Task<ModelReply> AskAsync(Article article, string task, TokenTally usage, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, SummaryPrompt.SystemMessage),
            new(ChatRole.User, SummaryPrompt.UserMessage(article, task)),
        ];
        var chatOptions = new ChatOptions
        {
            ResponseFormat = SummaryPrompt.ResponseFormat,
            Temperature = 0.2f,
            MaxOutputTokens = 1500,
        };

        var response = await CallAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        usage.Add(response.Usage);
        var (reply, problems) = ModelReply.Parse(response.Text);
        if (reply is not null)
        {
            return reply;
        }

        LogRepair(logger, string.Join("; ", problems));
        messages.Add(new ChatMessage(ChatRole.Assistant, response.Text));
        messages.Add(new ChatMessage(ChatRole.User, SummaryPrompt.RepairMessage(problems)));
        response = await CallAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        usage.Add(response.Usage);
        (reply, problems) = ModelReply.Parse(response.Text);
        return reply ?? throw new SummarizationException(
            "invalid-model-reply",
            "The model's reply was invalid twice (after one repair attempt): " + string.Join("; ", problems) + ".");
    }

    private async Task<ChatResponse> CallAsync(List<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        try
        {
            return await chatClient.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && ModelUnavailableException.From(exception) is { } unavailable)
        {
            LogUnavailable(logger, unavailable.Message);
            throw unavailable;
        }
    }

    private static string JoinParts(IReadOnlyList<ModelReply> parts)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Part {i + 1}:\n");
            builder.Append(parts[i].Summary!.En).Append('\n');
            builder.Append(parts[i].Summary!.Ar).Append('\n');
            foreach (var point in parts[i].KeyPoints!.En!)
            {
                builder.Append("- ").Append(point).Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model's reply was invalid ({Problems}); asking once for a repair")]
    private static partial void LogRepair(ILogger logger, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call failed after the retry budget: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The article exceeds the input budget of {Budget} tokens; summarising it in {Parts} parts")]
    private static partial void LogSplit(ILogger logger, int parts, int budget);

    private sealed class TokenTally
    {
        public int? Input { get; private set; }

        public int? Output { get; private set; }

        public void Add(UsageDetails? details)
        {
            if (details?.InputTokenCount is { } input)
            {
                Input = (Input ?? 0) + (int)input;
            }

            if (details?.OutputTokenCount is { } output)
            {
                Output = (Output ?? 0) + (int)output;
            }
        }
    }
}
