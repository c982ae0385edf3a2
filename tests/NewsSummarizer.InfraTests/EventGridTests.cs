using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NewsSummarizer.InfraTests;

[Collection(CompiledTemplateCollection.Name)]
public sealed partial class EventGridTests(CompiledTemplate template)
{
    private const string ConfigPath = "infra/eventgrid-subscription.json";
    private const string HookPath = "infra/hooks/postdeploy.sh";

    private static JsonNode Config { get; } = JsonNode.Parse(RepoPaths.ReadText(ConfigPath))!;

    [Fact]
    public void SystemTopic_Source_IsTheStorageAccount()
    {
        var topic = template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
        Assert.Equal("[parameters('storageAccountId')]", (string?)topic["properties"]!["source"]);
    }

    [Fact]
    public void SubscriptionConfig_Filters_DeliverOnlyNewArticles()
    {
        Assert.Equal("SummarizeArticle", (string?)Config["functionName"]);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], Strings(Config["includedEventTypes"]));
        Assert.Equal("/blobServices/default/containers/articles/blobs/", (string?)Config["subjectBeginsWith"]);
        Assert.Equal(".summary.json", (string?)Config["subjectNotEndsWith"]);
        Assert.Equal(["PutBlob", "PutBlockList", "CopyBlob", "FlushWithClose"], Strings(Config["apis"]));
    }

    [Fact]
    public void SubscriptionConfig_Retry_IsBoundedWithinEventGridLimits()
    {
        var attempts = (int)Config["maxDeliveryAttempts"]!;
        var ttl = (int)Config["eventTtlMinutes"]!;

        Assert.InRange(attempts, 1, 30);
        Assert.InRange(ttl, 1, 1440);
    }

    [Fact]
    public async Task PostDeployHook_WithFakeAz_CreatesSubscriptionFromConfig()
    {
        var args = await RunHookWithFakeAz();

        Assert.Equal(["eventgrid", "system-topic", "event-subscription", "create"], args.Take(4));
        Assert.Equal("evgt-test", ValueAfter(args, "--system-topic-name"));
        Assert.Equal((string?)Config["name"], ValueAfter(args, "--name"));
        Assert.Equal("webhook", ValueAfter(args, "--endpoint-type"));
        Assert.Equal(
            "https://func-test.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.SummarizeArticle&code=fake-key",
            ValueAfter(args, "--endpoint"));
        Assert.Equal(Strings(Config["includedEventTypes"]), ValuesAfter(args, "--included-event-types"));
        Assert.Equal((string?)Config["subjectBeginsWith"], ValueAfter(args, "--subject-begins-with"));
        Assert.Equal(
            ["subject", "StringNotEndsWith", ".summary.json"],
            ValuesAfter(args, "--advanced-filter", occurrence: 0));
        Assert.Equal(
            ["data.api", "StringIn", .. Strings(Config["apis"])],
            ValuesAfter(args, "--advanced-filter", occurrence: 1));
        Assert.Equal(Config["maxDeliveryAttempts"]!.ToString(), ValueAfter(args, "--max-delivery-attempts"));
        Assert.Equal(Config["eventTtlMinutes"]!.ToString(), ValueAfter(args, "--event-ttl"));
        Assert.Equal(
            "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.Storage/storageAccounts/sttest/blobServices/default/containers/eventgrid-deadletter",
            ValueAfter(args, "--deadletter-identity-endpoint"));
        // With the topic's identity: the storage firewall admits Event Grid's dead letters only as a trusted service.
        Assert.Equal("systemassigned", ValueAfter(args, "--deadletter-identity"));
    }

    [Fact]
    public void PostDeployHook_EnvironmentVariables_AreAllBicepOutputs()
    {
        var used = AzdVariable().Matches(RepoPaths.ReadText(HookPath)).Select(m => m.Groups[1].Value).Distinct().ToList();
        var outputs = template.Root["outputs"]!.AsObject().Select(p => p.Key).ToHashSet();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, outputs));
    }

    private static async Task<List<string>> RunHookWithFakeAz()
    {
        var dir = Directory.CreateTempSubdirectory("fake-az-");
        try
        {
            var log = Path.Combine(dir.FullName, "az.log");
            var az = Path.Combine(dir.FullName, "az");
            // Answers the hook's look-ups and records every argument of every call, one per line.
            await File.WriteAllTextAsync(az, """
                #!/bin/sh
                for a in "$@"; do printf '%s\n' "$a"; done >> "$FAKE_AZ_LOG"
                echo '--end--' >> "$FAKE_AZ_LOG"
                case "$1 $2" in
                  "functionapp keys") echo fake-key ;;
                  "storage account") echo /subscriptions/0/resourceGroups/rg-test/providers/Microsoft.Storage/storageAccounts/sttest ;;
                esac
                """.ReplaceLineEndings("\n"));
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var result = await ProcessRunner.RunAsync("sh", [RepoPaths.Of(HookPath)], new Dictionary<string, string>
            {
                ["PATH"] = $"{dir.FullName}:{Environment.GetEnvironmentVariable("PATH")}",
                ["FAKE_AZ_LOG"] = log,
                ["RESOURCE_GROUP"] = "rg-test",
                ["AZURE_FUNCTION_APP_NAME"] = "func-test",
                ["AZURE_FUNCTION_APP_HOSTNAME"] = "func-test.azurewebsites.net",
                ["AZURE_STORAGE_ACCOUNT_NAME"] = "sttest",
                ["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = "evgt-test",
                ["AZURE_DEADLETTER_CONTAINER_NAME"] = "eventgrid-deadletter",
            });
            Assert.True(result.ExitCode == 0, $"hook failed: {result.StandardError}{result.StandardOutput}");
            Assert.DoesNotContain("fake-key", result.StandardOutput, StringComparison.Ordinal);

            var calls = (await File.ReadAllTextAsync(log)).Split("--end--\n", StringSplitOptions.RemoveEmptyEntries);
            return [.. calls[^1].Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    private static string ValueAfter(List<string> args, string option) => Assert.Single(ValuesAfter(args, option));

    /// <summary>The values that follow the nth occurrence of an option, up to the next option.</summary>
    private static List<string> ValuesAfter(List<string> args, string option, int occurrence = 0)
    {
        var starts = args.Select((a, i) => (a, i)).Where(x => x.a == option).Select(x => x.i).ToList();
        Assert.True(starts.Count > occurrence, $"{option} passed {starts.Count} time(s)");
        return [.. args.Skip(starts[occurrence] + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))];
    }

    [GeneratedRegex(@"\$\{((?:AZURE_|RESOURCE_)[A-Z_]+)")]
    private static partial Regex AzdVariable();
}
