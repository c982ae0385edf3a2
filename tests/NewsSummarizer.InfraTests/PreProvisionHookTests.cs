using System.Globalization;

namespace NewsSummarizer.InfraTests;

/// <summary>infra/hooks/preprovision.sh run against a fake <c>az</c> on PATH that prints a canned
/// <c>az cognitiveservices model list</c> answer. Its items have the shape of the ARM "Models - List" response
/// (Azure/azure-rest-api-specs, specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/
/// stable/2024-10-01/examples/ListLocationModels.json): kind, skuName, and model with format, name, version,
/// lifecycleStatus, capabilities (string "true" flags such as chatCompletion), deprecation and skus.</summary>
public sealed class PreProvisionHookTests
{
    private const string HookPath = "infra/hooks/preprovision.sh";

    private static readonly string Future = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
    private static readonly string Past = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);

    private static readonly string SwedenCentral = $$$"""
        [
          {"kind": "OpenAI", "skuName": "S0", "model": {"format": "OpenAI", "name": "gpt-5.4-mini", "version": "2026-03-17",
            "lifecycleStatus": "GenerallyAvailable", "isDefaultVersion": true, "maxCapacity": 10000,
            "capabilities": {"chatCompletion": "true", "jsonSchemaResponse": "true", "maxContextToken": "400000"},
            "deprecation": {"inference": "{{{Future}}}"},
            "skus": [
              {"name": "GlobalStandard", "usageName": "OpenAI.GlobalStandard.gpt-5.4-mini", "capacity": {"maximum": 10000, "default": 10}},
              {"name": "DataZoneStandard", "usageName": "OpenAI.DataZoneStandard.gpt-5.4-mini", "capacity": {"maximum": 3000, "default": 10}}]}},
          {"kind": "OpenAI", "skuName": "S0", "model": {"format": "OpenAI", "name": "gpt-5-mini", "version": "2025-08-07",
            "lifecycleStatus": "GenerallyAvailable", "capabilities": {"chatCompletion": "true"},
            "deprecation": {"inference": "{{{Future}}}"},
            "skus": [
              {"name": "GlobalStandard", "usageName": "OpenAI.GlobalStandard.gpt-5-mini", "capacity": {"maximum": 10000, "default": 10}},
              {"name": "Standard", "usageName": "OpenAI.Standard.gpt-5-mini", "deprecationDate": "{{{Past}}}", "capacity": {"default": 10}}]}},
          {"kind": "OpenAI", "skuName": "S0", "model": {"format": "OpenAI", "name": "gpt-4o-mini", "version": "2024-07-18",
            "lifecycleStatus": "Deprecating", "capabilities": {"chatCompletion": "true"},
            "deprecation": {"inference": "{{{Future}}}"},
            "skus": [{"name": "GlobalStandard", "usageName": "OpenAI.GlobalStandard.gpt-4o-mini", "capacity": {"default": 10}}]}},
          {"kind": "OpenAI", "skuName": "S0", "model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-08-06",
            "lifecycleStatus": "GenerallyAvailable", "capabilities": {"chatCompletion": "true"},
            "deprecation": {"inference": "{{{Past}}}"},
            "skus": [{"name": "GlobalStandard", "usageName": "OpenAI.GlobalStandard.gpt-4o", "capacity": {"default": 10}}]}},
          {"kind": "OpenAI", "skuName": "S0", "model": {"format": "OpenAI", "name": "text-embedding-3-small", "version": "1",
            "lifecycleStatus": "GenerallyAvailable", "capabilities": {"embeddings": "true"},
            "skus": [{"name": "GlobalStandard", "usageName": "OpenAI.GlobalStandard.text-embedding-3-small", "capacity": {"default": 10}}]}}
        ]
        """;

    [Fact]
    public async Task PreProvisionHook_DefaultModelDeployable_SucceedsAfterAskingTheRegion()
    {
        var run = await RunAsync(SwedenCentral, new() { ["AZURE_LOCATION"] = "swedencentral", ["AZURE_SUBSCRIPTION_ID"] = "sub-1" });

        Assert.True(run.Result.ExitCode == 0, run.Result.StandardError);
        Assert.Contains("gpt-5.4-mini 2026-03-17 (GlobalStandard) can be deployed in swedencentral", run.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(
            ["cognitiveservices", "model", "list", "--location", "swedencentral", "--output", "json", "--subscription", "sub-1"],
            Assert.Single(run.AzCalls));
    }

    [Fact]
    public async Task PreProvisionHook_DeprecatingVersionChosen_FailsListingDeployableChatModels()
    {
        var run = await RunAsync(SwedenCentral, new()
        {
            ["AZURE_LOCATION"] = "swedencentral",
            ["AZURE_OPENAI_MODEL"] = "gpt-4o-mini",
            ["AZURE_OPENAI_MODEL_VERSION"] = "2024-07-18",
        });

        Assert.Equal(1, run.Result.ExitCode);
        var error = run.Result.StandardError;
        Assert.Contains("gpt-4o-mini version 2024-07-18 with SKU GlobalStandard cannot be deployed in swedencentral", error, StringComparison.Ordinal);
        Assert.Equal(
            ["gpt-5-mini 2025-08-07 GlobalStandard", "gpt-5.4-mini 2026-03-17 DataZoneStandard,GlobalStandard"],
            ListedModels(error));
        Assert.Contains("azd env set AZURE_OPENAI_MODEL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreProvisionHook_InferenceDeprecationPassed_Fails()
    {
        var run = await RunAsync(SwedenCentral, new()
        {
            ["AZURE_LOCATION"] = "swedencentral",
            ["AZURE_OPENAI_MODEL"] = "gpt-4o",
            ["AZURE_OPENAI_MODEL_VERSION"] = "2024-08-06",
        });

        Assert.Equal(1, run.Result.ExitCode);
        Assert.DoesNotContain("gpt-4o 2024-08-06", ListedModels(run.Result.StandardError));
    }

    [Theory]
    [InlineData("ProvisionedManaged")] // not offered for the model here
    [InlineData("Standard")] // offered, but its deprecationDate has passed
    public async Task PreProvisionHook_SkuNotOpen_Fails(string sku)
    {
        var run = await RunAsync(SwedenCentral, new() { ["AZURE_LOCATION"] = "swedencentral", ["AZURE_OPENAI_SKU"] = sku, ["AZURE_OPENAI_MODEL"] = "gpt-5-mini", ["AZURE_OPENAI_MODEL_VERSION"] = "2025-08-07" });

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Contains($"with SKU {sku} cannot be deployed", run.Result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreProvisionHook_DefaultModelMissingInRegion_FailsUsingParameterFileDefaults()
    {
        const string OnlyOldModels = """
            [{"kind": "OpenAI", "skuName": "S0", "model": {"format": "OpenAI", "name": "gpt-5-mini", "version": "2025-08-07",
              "lifecycleStatus": "GenerallyAvailable", "capabilities": {"chatCompletion": "true"},
              "skus": [{"name": "GlobalStandard", "usageName": "OpenAI.GlobalStandard.gpt-5-mini"}]}}]
            """;

        var run = await RunAsync(OnlyOldModels, new() { ["AZURE_LOCATION"] = "westus" });

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Contains("gpt-5.4-mini version 2026-03-17 with SKU GlobalStandard cannot be deployed in westus", run.Result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["gpt-5-mini 2025-08-07 GlobalStandard"], ListedModels(run.Result.StandardError));
    }

    [Fact]
    public async Task PreProvisionHook_OpenAiLocationSet_ChecksThatRegion()
    {
        var run = await RunAsync(SwedenCentral, new() { ["AZURE_LOCATION"] = "westeurope", ["AZURE_OPENAI_LOCATION"] = "swedencentral" });

        Assert.True(run.Result.ExitCode == 0, run.Result.StandardError);
        Assert.Equal("swedencentral", Assert.Single(run.AzCalls)[4]);
    }

    [Fact]
    public async Task PreProvisionHook_NoLocationYet_SkipsWithoutCallingAz()
    {
        var run = await RunAsync(SwedenCentral, []);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("model check is skipped", run.Result.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.AzCalls);
    }

    [Fact]
    public async Task PreProvisionHook_AzFails_FailsWithSignInHint()
    {
        var run = await RunAsync(models: null, new() { ["AZURE_LOCATION"] = "swedencentral" });

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Contains("az login", run.Result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>The "  name version skus" lines the hook prints under "Chat models that can:".</summary>
    private static List<string> ListedModels(string error) =>
        [.. error.Split('\n').Where(l => l.StartsWith("  gpt", StringComparison.Ordinal)).Select(l => l.Trim())];

    private sealed record HookRun(ProcessResult Result, List<List<string>> AzCalls);

    /// <param name="models">What the fake az prints; null makes it fail as a signed-out az does.</param>
    private static async Task<HookRun> RunAsync(string? models, Dictionary<string, string> environment)
    {
        var dir = Directory.CreateTempSubdirectory("fake-az-");
        try
        {
            var log = Path.Combine(dir.FullName, "az.log");
            var answer = Path.Combine(dir.FullName, "models.json");
            if (models is not null)
            {
                await File.WriteAllTextAsync(answer, models);
            }

            var az = Path.Combine(dir.FullName, "az");
            // Records every argument of every call, one per line, then answers from the canned file.
            await File.WriteAllTextAsync(az, """
                #!/bin/sh
                for a in "$@"; do printf '%s\n' "$a"; done >> "$FAKE_AZ_LOG"
                echo '--end--' >> "$FAKE_AZ_LOG"
                if [ ! -f "$FAKE_AZ_MODELS" ]; then
                  echo "ERROR: Please run 'az login' to setup account." >&2
                  exit 1
                fi
                cat "$FAKE_AZ_MODELS"
                """.ReplaceLineEndings("\n"));
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var variables = new Dictionary<string, string>(environment)
            {
                ["PATH"] = $"{dir.FullName}:{Environment.GetEnvironmentVariable("PATH")}",
                ["FAKE_AZ_LOG"] = log,
                ["FAKE_AZ_MODELS"] = answer,
            };
            foreach (var inherited in new[] { "AZURE_OPENAI_MODEL", "AZURE_OPENAI_MODEL_VERSION", "AZURE_OPENAI_SKU", "AZURE_OPENAI_LOCATION", "AZURE_LOCATION", "AZURE_SUBSCRIPTION_ID" })
            {
                variables.TryAdd(inherited, "");
            }

            var result = await ProcessRunner.RunAsync("sh", [RepoPaths.Of(HookPath)], variables);
            var calls = File.Exists(log)
                ? (await File.ReadAllTextAsync(log)).Split("--end--\n", StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => c.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()).ToList()
                : [];
            return new HookRun(result, calls);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
