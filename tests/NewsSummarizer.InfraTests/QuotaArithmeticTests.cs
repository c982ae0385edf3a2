using System.Globalization;

namespace NewsSummarizer.InfraTests;

/// <summary>Every Flex Consumption instance may run at once, so the deployment's quota is divided among
/// maximumInstanceCount instances (docs/deploy.md, "Inside the quota"). Evaluated with <c>bicep snapshot</c>.</summary>
public sealed class QuotaArithmeticTests
{
    // One full-size part: Summarizer__MaxInputTokens (24,000 by default) plus room for its answer. An instance whose
    // share is smaller could never start such a call without borrowing from the other instances' share.
    private const int OneLargeCallTokens = 32_000;

    [Fact]
    public async Task Snapshot_DefaultParameters_GiveEachInstanceAShareThatFitsALargeCall()
    {
        var snapshot = await TemplateSnapshot.CreateAsync();

        var capacity = (int)snapshot.Single("Microsoft.CognitiveServices/accounts/deployments")["sku"]!["capacity"]!;
        var instances = MaximumInstanceCount(snapshot);
        var tokensPerInstance = IntSetting(snapshot, "Summarizer__TokensPerMinute");
        var callsPerInstance = IntSetting(snapshot, "Summarizer__MaxConcurrentModelCalls");

        Assert.True(tokensPerInstance > 0);
        Assert.True(tokensPerInstance >= OneLargeCallTokens, $"{tokensPerInstance} tokens per minute per instance");
        Assert.True((long)tokensPerInstance * instances <= capacity * 1000L, "the instances together exceed the deployment");
        Assert.InRange(callsPerInstance, 1, 16);
    }

    [Theory]
    // capacity (1,000 TPM units), RPM per unit, instances -> TPM per instance, calls in flight per instance
    [InlineData(200, 1, 4, 50_000, 8)] // the defaults: 200 RPM over 4 instances, a call lasting >= 10 s uses 6 RPM
    [InlineData(30, 1, 100, 300, 1)] // the old defaults' 100 instances: tiny shares, one call each
    [InlineData(1000, 1, 10, 100_000, 16)] // large deployment: calls capped at 16 per instance
    [InlineData(100, 6, 4, 25_000, 16)] // older chat models grant 6 RPM per unit
    [InlineData(1, 1, 1000, 1, 1)] // the extremes still give a positive share
    public async Task Snapshot_CapacityAndInstances_SplitQuotaIntoPositiveShares(
        int capacity, int rpmPerUnit, int instances, int expectedTokens, int expectedCalls)
    {
        var snapshot = await TemplateSnapshot.CreateAsync(new Dictionary<string, object>
        {
            ["openAiDeploymentCapacity"] = capacity,
            ["openAiRequestsPerMinutePerUnit"] = rpmPerUnit,
            ["maximumInstanceCount"] = instances,
        });

        Assert.Equal(instances, MaximumInstanceCount(snapshot));
        Assert.Equal(expectedTokens, IntSetting(snapshot, "Summarizer__TokensPerMinute"));
        Assert.Equal(expectedCalls, IntSetting(snapshot, "Summarizer__MaxConcurrentModelCalls"));
        Assert.True((long)expectedTokens * instances <= capacity * 1000L);
    }

    [Fact]
    public async Task Snapshot_ReasoningEffort_IsSetByDefaultAndOmittedWhenEmpty()
    {
        var defaults = await TemplateSnapshot.CreateAsync();
        var empty = await TemplateSnapshot.CreateAsync(new Dictionary<string, object> { ["openAiReasoningEffort"] = "" });

        // "low" is accepted by gpt-5-mini (minimal|low|medium|high) and gpt-5.4-mini (none|low|medium|high|xhigh).
        Assert.Equal("low", (string?)defaults.AppSettings["Summarizer__ReasoningEffort"]);
        Assert.False(empty.AppSettings.ContainsKey("Summarizer__ReasoningEffort"));
    }

    [Fact]
    public async Task Snapshot_ModelParameters_ReachTheDeployment()
    {
        var snapshot = await TemplateSnapshot.CreateAsync(new Dictionary<string, object>
        {
            ["openAiModelName"] = "gpt-5.5",
            ["openAiModelVersion"] = "2026-04-24",
            ["openAiDeploymentSkuName"] = "DataZoneStandard",
            ["openAiDeploymentCapacity"] = 50,
        });

        var deployment = snapshot.Single("Microsoft.CognitiveServices/accounts/deployments");
        Assert.Equal("gpt-5.5", (string?)deployment["properties"]!["model"]!["name"]);
        Assert.Equal("2026-04-24", (string?)deployment["properties"]!["model"]!["version"]);
        Assert.Equal("DataZoneStandard", (string?)deployment["sku"]!["name"]);
        Assert.Equal(50, (int)deployment["sku"]!["capacity"]!);
        Assert.Equal("gpt-5.5", (string?)snapshot.AppSettings["AzureOpenAI__Deployment"]);
    }

    private static int MaximumInstanceCount(TemplateSnapshot snapshot) =>
        (int)snapshot.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["maximumInstanceCount"]!;

    private static int IntSetting(TemplateSnapshot snapshot, string name)
    {
        var value = (string?)snapshot.AppSettings[name];
        Assert.True(value is not null, $"app setting {name} is missing");
        return int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
