using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>Bilingual summaries from a chat model, with the recoveries that need the reply or the article.</summary>
/// <remarks>One call per article (one per part for articles over the input budget, plus one that combines the parts),
/// strict JSON-schema structured output; one repair attempt for an invalid reply or for a summary far off the
/// <see cref="SummaryLength"/> asked (<see cref="LengthTarget"/>); an article too long for the model's context is split
/// into smaller parts once. Failures are classified and a reply cut at the output budget retried below, in the model
/// pipeline (<see cref="ModelPipeline"/>): transient ones surface as <see cref="ModelUnavailableException"/>, final ones
/// as <see cref="SummarizationException"/>.</remarks>
public sealed partial class ChatSummarizer(
    IChatClient chatClient,
    ChatModelInfo modelInfo,
    IOptions<SummarizerOptions> options,
    TokenCounter tokenCounter,
    ILogger<ChatSummarizer> logger) : ISummarizer
{
    public ModelProvider Provider => modelInfo.Provider;

    public string PromptVersion => SummaryPrompt.Version;

    /// <summary>The requests <see cref="SummarizeAsync"/> sends for <paramref name="article"/> within
    /// <c>Summarizer__MaxInputTokens</c>, before repairs and retries.</summary>
    public SummaryPlan Plan(Article article, SummaryLength? length = null) =>
        SummaryPlan.Create(article, options.Value.MaxInputTokens, tokenCounter, length);

    public async Task<SummaryContent> SummarizeAsync(Article article, SummaryLength length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(length);
        var budget = options.Value.MaxInputTokens;
        var usage = new TokenTally();
        ModelReply reply;
        try
        {
            reply = await SummarizeWithinAsync(article, length, budget, usage, cancellationToken).ConfigureAwait(false);
        }
        catch (SummarizationException tooLong) when (tooLong.Code == ModelErrorCodes.ContextTooLong)
        {
            // The model's window is smaller than Summarizer__MaxInputTokens assumed: once, in parts of half the size.
            var smaller = Math.Max(1, Math.Min(budget, ArticleTokens(article)) / 2);
            LogContextRetry(logger, smaller);
            try
            {
                reply = await SummarizeWithinAsync(article, length, smaller, usage, cancellationToken).ConfigureAwait(false);
            }
            catch (SummarizationException again) when (again.Code == ModelErrorCodes.ContextTooLong)
            {
                throw new SummarizationException(
                    ModelErrorCodes.ContextTooLong,
                    again.Message + $" This was also the answer after splitting the article into parts of at most {smaller} tokens.",
                    again);
            }
        }

        return new SummaryContent(
            new LocalizedText(reply.Title!.Ar, reply.Title.En),
            new LocalizedText(reply.Summary!.Ar, reply.Summary.En),
            new LocalizedList(reply.KeyPoints!.Ar!, reply.KeyPoints.En!),
            new ModelUsage(modelInfo.Provider, modelInfo.Model, PromptVersion, usage.Input, usage.Output),
            Unavailable: [],
            UnavailableReason: null);
    }

    private int ArticleTokens(Article article) =>
        (article.Title is null ? 0 : tokenCounter.Count(SummaryPrompt.TitleLine(article.Title))) + tokenCounter.Count(article.Text);

    private async Task<ModelReply> SummarizeWithinAsync(Article article, SummaryLength length, int budget, TokenTally usage, CancellationToken cancellationToken)
    {
        var plan = SummaryPlan.Create(article, budget, tokenCounter, length);
        var target = LengthTarget.For(length);
        if (!plan.Combines)
        {
            return await AskAsync(plan.Parts[0], target, usage, cancellationToken).ConfigureAwait(false);
        }

        LogSplit(logger, plan.Parts.Count, budget);
        var partReplies = new List<ModelReply>(plan.Parts.Count);
        foreach (var part in plan.Parts)
        {
            partReplies.Add(await AskAsync(part, null, usage, cancellationToken).ConfigureAwait(false));
        }

        var combined = new Article(JoinParts(partReplies), article.Title, article.Language);
        return await AskAsync(SummaryPlan.Combine(combined, length), target, usage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One request, repaired once if invalid; a valid reply far off <paramref name="target"/> (none for the
    /// parts of a split article, whose length the combining call decides) is asked again once.</summary>
    private async Task<ModelReply> AskAsync(PlannedRequest request, LengthTarget? target, TokenTally usage, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, request.SystemMessage),
            new(ChatRole.User, request.UserMessage),
        ];

        var text = await CompleteAsync(messages, usage, cancellationToken).ConfigureAwait(false);
        var (reply, problems) = ModelReply.Parse(text);
        if (reply is not null)
        {
            return await FitLengthAsync(reply, text, messages, target, usage, cancellationToken).ConfigureAwait(false);
        }

        LogRepair(logger, string.Join("; ", problems));
        messages.Add(new ChatMessage(ChatRole.Assistant, text));
        messages.Add(new ChatMessage(ChatRole.User, SummaryPrompt.RepairMessage(problems)));
        text = await CompleteAsync(messages, usage, cancellationToken).ConfigureAwait(false);
        (reply, problems) = ModelReply.Parse(text);
        return reply is not null
            ? await FitLengthAsync(reply, text, messages, target, usage, cancellationToken).ConfigureAwait(false)
            : throw new SummarizationException(
            ModelErrorCodes.InvalidReply,
            "The model's reply was invalid twice (after one repair attempt): " + string.Join("; ", problems) + ".");
    }

    /// <summary>The second reply when it is valid, else <paramref name="reply"/> as it is: length never fails an
    /// article, so a repair the model refuses or cannot answer keeps the first reply.</summary>
    private async Task<ModelReply> FitLengthAsync(
        ModelReply reply, string text, List<ChatMessage> messages, LengthTarget? target, TokenTally usage, CancellationToken cancellationToken)
    {
        var farOff = target?.FarOff(reply) ?? [];
        if (farOff.Count == 0 || messages.Count > 2)
        {
            // Already repaired once for validity: one extra call per request at most.
            return reply;
        }

        LogLengthRepair(logger, string.Join("; ", farOff));
        messages.Add(new ChatMessage(ChatRole.Assistant, text));
        messages.Add(new ChatMessage(ChatRole.User, SummaryPrompt.LengthRepairMessage(farOff, target!)));
        try
        {
            var again = await CompleteAsync(messages, usage, cancellationToken).ConfigureAwait(false);
            return ModelReply.Parse(again).Reply ?? reply;
        }
        catch (Exception exception) when (exception is SummarizationException or ModelUnavailableException)
        {
            LogLengthRepairFailed(logger, exception.Message);
            return reply;
        }
    }

    /// <summary>One completed reply through the model pipeline, which classifies failures and retries a reply cut at
    /// the output budget (<see cref="ModelPipeline.UseModelRecoveries"/>).</summary>
    private async Task<string> CompleteAsync(List<ChatMessage> messages, TokenTally usage, CancellationToken cancellationToken)
    {
        var response = await chatClient.GetResponseAsync(messages, ModelRequest.Options(options.Value), cancellationToken)
            .ConfigureAwait(false);
        usage.Add(response.Usage);
        return response.Text;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "The model's summaries are far off the length asked ({Problems}); asking once again")]
    private static partial void LogLengthRepair(ILogger logger, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking again for the length failed ({Reason}); keeping the first reply")]
    private static partial void LogLengthRepairFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The request exceeded the model's context window; splitting the article into parts of at most {Budget} tokens once")]
    private static partial void LogContextRetry(ILogger logger, int budget);

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
