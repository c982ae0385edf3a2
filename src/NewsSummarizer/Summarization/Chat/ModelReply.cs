using System.Text.Json;
using System.Text.Json.Serialization;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Summarization.Chat;

/// <summary>The structured reply of the model, and the checks that decide whether it is usable.</summary>
internal sealed record ModelReply(
    [property: JsonPropertyName("title")] ModelReply.Pair? Title,
    [property: JsonPropertyName("summary")] ModelReply.Pair? Summary,
    [property: JsonPropertyName("keyPoints")] ModelReply.Lists? KeyPoints)
{
    // Shares of letters in the expected script. Arabic text quotes Latin names ("NATO", "Blinken") now and then.
    private const double MinArabicShare = 0.6;
    private const double MinLatinShare = 0.8;

    internal sealed record Pair([property: JsonPropertyName("ar")] string? Ar, [property: JsonPropertyName("en")] string? En);

    internal sealed record Lists(
        [property: JsonPropertyName("ar")] IReadOnlyList<string>? Ar,
        [property: JsonPropertyName("en")] IReadOnlyList<string>? En);

    /// <summary>Parses and validates a reply; returns the problems found (none means usable).</summary>
    public static (ModelReply? Reply, IReadOnlyList<string> Problems) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, ["the reply was empty"]);
        }

        ModelReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize<ModelReply>(StripCodeFence(text));
        }
        catch (JsonException exception)
        {
            return (null, [$"the reply was not valid JSON ({exception.Message})"]);
        }

        if (reply is null)
        {
            return (null, ["the reply was JSON null"]);
        }

        var problems = new List<string>();
        CheckArabic(reply.Title?.Ar, "title.ar", problems);
        CheckEnglish(reply.Title?.En, "title.en", problems);
        CheckArabic(reply.Summary?.Ar, "summary.ar", problems);
        CheckEnglish(reply.Summary?.En, "summary.en", problems);
        CheckList(reply.KeyPoints?.Ar, "keyPoints.ar", MinArabicShare, isArabic: true, problems);
        CheckList(reply.KeyPoints?.En, "keyPoints.en", MinLatinShare, isArabic: false, problems);
        return (problems.Count == 0 ? reply : null, problems);
    }

    // Some OpenAI-compatible servers wrap JSON in a Markdown fence even in JSON mode.
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var lastFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd > 0 && lastFence > firstLineEnd ? trimmed[(firstLineEnd + 1)..lastFence] : trimmed;
    }

    private static void CheckArabic(string? value, string field, List<string> problems) =>
        CheckText(value, field, MinArabicShare, isArabic: true, problems);

    private static void CheckEnglish(string? value, string field, List<string> problems) =>
        CheckText(value, field, MinLatinShare, isArabic: false, problems);

    private static void CheckList(IReadOnlyList<string>? values, string field, double minShare, bool isArabic, List<string> problems)
    {
        if (values is null || values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{field} must be a list of non-empty strings");
            return;
        }

        CheckText(string.Join(' ', values), field, minShare, isArabic, problems);
    }

    private static void CheckText(string? value, string field, double minShare, bool isArabic, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{field} is missing or empty");
            return;
        }

        var profile = ScriptProfile.Of(value);
        var share = isArabic ? profile.ArabicShare : profile.LatinShare;
        if (share < minShare)
        {
            problems.Add(isArabic
                ? $"{field} must be written in Arabic script, but only {share:P0} of its letters are Arabic"
                : $"{field} must be written in English, but only {share:P0} of its letters are Latin");
        }
    }
}
