using System.Net.Http.Json;

namespace NewsSummarizer.IntegrationTests.Models;

/// <summary>The blob path through the real DevHost on Azurite against each model family of the fake server: normal
/// articles are summarised in both languages at about one call each, and every refusal is a final result with its
/// code after exactly one call (two for the truncation retry and the context split), with no trigger retries.
/// Prints one line per scenario (calls per article, outcomes) for docs/benchmarks.md.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ModelFamilyDevHostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int NormalArticles = 20;
    [Theory]
    [InlineData(FakeModelFamily.Classic)]
    [InlineData(FakeModelFamily.Reasoning)]
    public async Task Upload_NormalAndFilteredArticles_NormalOkInBothLanguagesFilteredRejectedAfterOneCall(FakeModelFamily family)
    {
        var articles = NormalSet();
        articles["filtered/prompt.txt"] = English("prompt") + "\n" + FakeModelContract.PromptFilterMarker;
        articles["filtered/completion.txt"] = English("completion") + "\n" + FakeModelContract.CompletionFilterMarker;

        var run = await RunAsync(family, "AzureOpenAI", articles);

        var normal = run.Where(r => r.Key.StartsWith("news/", StringComparison.Ordinal)).ToList();
        Assert.All(normal, r =>
        {
            Assert.Equal(SummaryStatus.Ok, r.Value.Document.Status);
            Assert.False(string.IsNullOrWhiteSpace(r.Value.Document.Summary.Ar));
            Assert.False(string.IsNullOrWhiteSpace(r.Value.Document.Summary.En));
        });
        var callsPerArticle = normal.Sum(r => r.Value.Calls) / (double)normal.Count;
        Assert.True(callsPerArticle <= 1.05, $"{callsPerArticle:F2} calls per article");
        foreach (var name in new[] { "filtered/prompt.txt", "filtered/completion.txt" })
        {
            var (document, calls) = run[name];
            Assert.Equal(SummaryStatus.Rejected, document.Status);
            Assert.Equal(ModelErrorCodes.ContentFiltered, document.Error?.Code);
            Assert.Contains("violence (severity", document.Error!.Message, StringComparison.Ordinal);
            Assert.Equal(1, calls);
        }

        Report($"{family} (defaults, AzureOpenAI)", run);
    }

    [Theory]
    [InlineData(FakeModelFamily.Reasoning, "Summarizer:Temperature", "0.2", ModelErrorCodes.RejectedRequest, 1)]
    [InlineData(FakeModelFamily.Reasoning, "Summarizer:ReasoningEffort", "high", ModelErrorCodes.OutputTruncated, 2)]
    [InlineData(FakeModelFamily.Classic, "Summarizer:ReasoningEffort", "low", ModelErrorCodes.RejectedRequest, 1)]
    [InlineData(FakeModelFamily.Retired, null, null, ModelErrorCodes.NotFound, 1)]
    public async Task Upload_RefusedConfiguration_FailedResultWithCodeAfterExactCalls(
        FakeModelFamily family, string? setting, string? value, string code, int expectedCalls)
    {
        var settings = setting is null ? null : new Dictionary<string, string?> { [setting] = value };

        var run = await RunAsync(family, "OpenAI", new() { ["news/one.txt"] = English("one"), ["news/two.txt"] = Arabic("two") }, settings);

        Assert.All(run.Values, r =>
        {
            Assert.Equal(SummaryStatus.Failed, r.Document.Status);
            Assert.Equal(code, r.Document.Error?.Code);
            Assert.Equal(expectedCalls, r.Calls);
        });
        Report($"{family} with {setting ?? "a retired deployment"}={value} (OpenAI)", run);
    }

    [Fact]
    public async Task Upload_OutputBudgetBelowDefaultReasoning_RetriesOnceWithTwiceTheBudgetAndSucceeds()
    {
        var run = await RunAsync(
            FakeModelFamily.Reasoning,
            "AzureOpenAI",
            new() { ["news/one.txt"] = English("one"), ["news/two.txt"] = Arabic("two") },
            new Dictionary<string, string?> { ["Summarizer:MaxOutputTokens"] = "2000" });

        Assert.All(run.Values, r =>
        {
            Assert.Equal(SummaryStatus.Ok, r.Document.Status);
            Assert.Equal(2, r.Calls);
        });
        Report("Reasoning with MaxOutputTokens=2000 (AzureOpenAI)", run);
    }

    [Fact]
    public async Task Upload_ContextWindowTooSmallEvenForParts_ContextTooLongAfterTwoCalls()
    {
        var run = await RunAsync(
            FakeModelFamily.Classic, "OpenAI", new() { ["news/long.txt"] = English("long") }, contextWindow: 200);

        var (document, calls) = Assert.Single(run.Values);
        Assert.Equal(SummaryStatus.Failed, document.Status);
        Assert.Equal(ModelErrorCodes.ContextTooLong, document.Error?.Code);
        Assert.Equal(2, calls);
        Report("Classic with a 200-token context window (OpenAI)", run);
    }

    [Fact]
    public async Task Upload_ContentFilteredWithFallback_ExtractiveSummaryWithTheReasonAfterOneCall()
    {
        var run = await RunAsync(
            FakeModelFamily.Reasoning,
            "AzureOpenAI",
            new() { ["filtered/prompt.txt"] = English("prompt") + "\n" + FakeModelContract.PromptFilterMarker },
            new Dictionary<string, string?> { ["Summarizer:FallbackToExtractive"] = "true" });

        var (document, calls) = Assert.Single(run.Values);
        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(ModelProvider.ExtractiveFallback, document.Model.Provider);
        Assert.Contains("content filter", document.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Post_RefusedByModel_MapsContentFilterTo422AndMissingDeploymentTo502()
    {
        await using var server = await FakeModelServer.StartAsync(FakeModelFamily.Reasoning);
        var container = AzuriteFixture.NewContainerName("models");
        await using (var host = await DevHostRunner.StartAsync(azurite, container, ModelServices.Settings("AzureOpenAI", server)))
        {
            var http = host.Client;
            using var filtered = await http.PostAsJsonAsync("/api/summaries", new { text = English("post") + "\n" + FakeModelContract.PromptFilterMarker });

            Assert.Equal(HttpStatusCode.UnprocessableEntity, filtered.StatusCode);
            Assert.Contains("\"content-filtered\"", await filtered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        server.Family = FakeModelFamily.Retired;
        await using (var host = await DevHostRunner.StartAsync(azurite, container, ModelServices.Settings("AzureOpenAI", server)))
        {
            var http = host.Client;
            using var missing = await http.PostAsJsonAsync("/api/summaries", new { text = English("post") });

            Assert.Equal(HttpStatusCode.BadGateway, missing.StatusCode);
            var body = await missing.Content.ReadAsStringAsync();
            Assert.Contains("\"model-not-found\"", body, StringComparison.Ordinal);
            Assert.Contains("AzureOpenAI__Deployment", body, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> NormalSet()
    {
        var articles = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < NormalArticles; i++)
        {
            var id = i.ToString("D2", CultureInfo.InvariantCulture);
            articles[$"news/{id}.txt"] = i % 2 == 0 ? Arabic(id) : English(id);
        }

        return articles;
    }

    /// <summary>The Arabic seed with a line that makes it unique and lets the calls for it be counted.</summary>
    private static string Arabic(string id) =>
        $"مرجع الخبر ref-{id}\n" + SampleArticles.ArabicSeed;

    private static string English(string id) =>
        $"Report reference ref-{id}.\n" + SampleArticles.EnglishSeed;

    private async Task<Dictionary<string, (SummaryDocument Document, int Calls)>> RunAsync(
        FakeModelFamily family,
        string provider,
        Dictionary<string, string> articles,
        IDictionary<string, string?>? extra = null,
        int? contextWindow = null)
    {
        await using var server = await FakeModelServer.StartAsync(family);
        server.ContextWindow = contextWindow;
        var settings = ModelServices.Settings(provider, server, extra);
        // A failing blob would come back after one second: any trigger retry shows up as an extra call below.
        settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01";
        var container = await azurite.CreateContainerAsync("models");
        await using var host = await DevHostRunner.StartAsync(azurite, container.Name, settings);
        foreach (var (name, text) in articles)
        {
            await container.UploadBlobAsync(name, BinaryData.FromBytes(Encoding.UTF8.GetBytes(text)));
        }

        var results = new Dictionary<string, (SummaryDocument, int)>(StringComparer.Ordinal);
        foreach (var name in articles.Keys)
        {
            results[name] = (await StoredResults.WaitForAsync(container, name), 0);
        }

        // Give a trigger retry time to happen (visibility timeout 1 s) before counting: a retry would show as an extra
        // call, and a poisoned blob as a rewritten (retries-exhausted) result.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var name in articles.Keys)
        {
            var marker = articles[name].Split('\n')[0];
            var calls = server.RawRequests.Count(r => FakeModelContract.MessagesText(JsonNode.Parse(r.Body)!).Contains(marker, StringComparison.Ordinal));
            var stored = await StoredResults.WaitForAsync(container, name);
            Assert.Equal(results[name].Item1.CreatedAt, stored.CreatedAt); // written once, not rewritten by a retry
            results[name] = (stored, calls);
        }

        return results;
    }

    private void Report(string scenario, Dictionary<string, (SummaryDocument Document, int Calls)> run)
    {
        var outcomes = run.Values
            .GroupBy(r => r.Document.Error?.Code is { } code ? $"{WireNames.Of(r.Document.Status)} {code}" : WireNames.Of(r.Document.Status))
            .Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {scenario} | {run.Count} | {run.Values.Sum(r => r.Calls) / (double)run.Count:F2} | {string.Join(", ", outcomes)} |"));
    }
}
