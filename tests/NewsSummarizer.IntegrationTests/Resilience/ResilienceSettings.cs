namespace NewsSummarizer.IntegrationTests.Resilience;

/// <summary>DevHost settings for fault-injection runs: the OpenAI-compatible provider against the fake server, a
/// short attempt timeout, and scheduled retries (the article-retries queue) a second or two apart instead of 30 s and more.</summary>
internal static class ResilienceSettings
{
    public static Dictionary<string, string?> For(FakeModelServer model, int maxConcurrentCalls = 16)
    {
        var settings = model.OpenAISettings();
        settings["Summarizer:ModelAttemptTimeout"] = "00:00:01";
        settings["Summarizer:ModelTotalTimeout"] = "00:00:30";
        settings["Summarizer:ModelRetryDelay"] = "00:00:00.200";
        settings["Summarizer:MaxConcurrentModelCalls"] = maxConcurrentCalls.ToString(CultureInfo.InvariantCulture);
        settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02";
        // Scheduled retries a second or two apart instead of 30 s and more.
        settings["Retries:BaseDelay"] = "00:00:01";
        settings["Retries:MaxDelay"] = "00:00:02";
        settings["Retries:MaxTotalWait"] = "00:01:00";
        return settings;
    }

    public static string Article(int i) => string.Join(
        '\n',
        Enumerable.Range(0, 4).Select(line => $"Report {i}: the regional council met on day {line} to discuss water, roads and schools in district {i}."));
}
