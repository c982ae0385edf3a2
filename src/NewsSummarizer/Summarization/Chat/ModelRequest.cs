using Microsoft.Extensions.AI;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>The shape of every summary request, in one place: strict JSON-schema structured output, the output
/// budget (sent as <c>max_completion_tokens</c>), and <c>temperature</c> and <c>reasoning_effort</c> only when set,
/// so nothing a reasoning model or an OpenAI-compatible server refuses is sent by default.</summary>
internal static class ModelRequest
{
    /// <summary>Key of <see cref="ChatOptions.AdditionalProperties"/> that Microsoft.Extensions.AI.OpenAI reads to send
    /// <c>"strict": true</c> with the JSON schema (it sends no <c>strict</c> otherwise).</summary>
    public const string StrictKey = "strict";

    /// <summary>Key of <see cref="ChatOptions.AdditionalProperties"/> carrying <c>Summarizer__ReasoningEffort</c> to the
    /// SDK adapter (<see cref="OpenAIRequestShaper"/>), since <see cref="ReasoningEffort"/> has no <c>minimal</c>.</summary>
    public const string ReasoningEffortKey = "reasoning_effort";

    public static ChatOptions Options(SummarizerOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new ChatOptions
        {
            ResponseFormat = SummaryPrompt.ResponseFormat,
            MaxOutputTokens = settings.MaxOutputTokens,
            Temperature = settings.Temperature,
            AdditionalProperties = new AdditionalPropertiesDictionary { [StrictKey] = true },
        };
        if (settings.ReasoningEffort is { } effort)
        {
            options.AdditionalProperties[ReasoningEffortKey] = effort;
        }

        return options;
    }
}
