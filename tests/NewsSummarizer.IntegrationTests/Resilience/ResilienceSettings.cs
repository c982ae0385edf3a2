namespace NewsSummarizer.IntegrationTests.Resilience;

/// <summary>DevHost settings for fault-injection runs: the OpenAI-compatible provider against the fake server, a
/// short attempt timeout, and scheduled retries (the article-retries queue) a second or two apart instead of 30 s and more.</summary>
internal static class ResilienceSettings
{
    public static Dictionary<string, string?> For(FakeModelServer model, int maxConcurrentCalls = 16) => new()
    {
        ["Summarizer:Provider"] = "OpenAI",
        ["OpenAI:Endpoint"] = new Uri(model.Endpoint, "v1/").ToString(),
        ["OpenAI:Model"] = "fake-model",
        ["Summarizer:ModelAttemptTimeout"] = "00:00:01",
        ["Summarizer:ModelTotalTimeout"] = "00:00:30",
        ["Summarizer:ModelRetryDelay"] = "00:00:00.200",
        ["Summarizer:MaxConcurrentModelCalls"] = maxConcurrentCalls.ToString(CultureInfo.InvariantCulture),
        ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02",
        // Scheduled retries a second or two apart instead of 30 s and more.
        ["Retries:BaseDelay"] = "00:00:01",
        ["Retries:MaxDelay"] = "00:00:02",
        ["Retries:MaxTotalWait"] = "00:01:00",
    };

    public static string Article(int i) => string.Join(
        '\n',
        Enumerable.Range(0, 4).Select(line => $"Report {i}: the regional council met on day {line} to discuss water, roads and schools in district {i}."));
}
