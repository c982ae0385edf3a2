using System.Globalization;
using System.Text.Json.Nodes;

namespace NewsSummarizer.InfraTests;

/// <summary>infra/main.bicep evaluated offline by <c>bicep snapshot</c> for given parameter values: every resource
/// with its name, scope and properties worked out as Azure Resource Manager would, except values only known at
/// deployment (those stay <c>[reference(...)]</c> expressions). Lets tests check arithmetic and scopes, not just
/// the expressions that produce them.</summary>
public sealed class TemplateSnapshot
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000000";
    public const string Location = "swedencentral";

    private TemplateSnapshot(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public IReadOnlyList<JsonObject> Resources =>
        [.. Root["predictedResources"]!.AsArray().Select(r => r!.AsObject())];

    public static async Task<TemplateSnapshot> CreateAsync(IReadOnlyDictionary<string, object>? parameters = null)
    {
        var dir = Directory.CreateTempSubdirectory("bicep-snapshot-");
        try
        {
            // A .bicepparam file must name its template by a relative path.
            var main = Path.GetRelativePath(dir.FullName, RepoPaths.Of("infra/main.bicep")).Replace('\\', '/');
            var lines = new List<string>
            {
                $"using '{main}'",
                "param environmentName = 'test'",
                $"param location = '{Location}'",
            };
            lines.AddRange((parameters ?? new Dictionary<string, object>()).Select(p => $"param {p.Key} = {Literal(p.Value)}"));
            var file = Path.Combine(dir.FullName, "test.bicepparam");
            await File.WriteAllLinesAsync(file, lines);

            var result = await Bicep.RunAsync(
                "snapshot", file, "--subscription-id", SubscriptionId, "--tenant-id", SubscriptionId, "--location", Location);
            Assert.True(result.ExitCode == 0, $"bicep snapshot failed: {result.StandardError}{result.StandardOutput}");
            var json = await File.ReadAllTextAsync(Path.Combine(dir.FullName, "test.snapshot.json"));
            return new TemplateSnapshot(JsonNode.Parse(json)!.AsObject());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public JsonObject Single(string type)
    {
        var matches = Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    public JsonObject AppSettings => Single("Microsoft.Web/sites/config")["properties"]!.AsObject();

    private static string Literal(object value) => value switch
    {
        string s => $"'{s.Replace("'", "\\'", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No bicep literal for {value.GetType()}", nameof(value)),
    };
}

/// <summary>The snapshot for the default parameters, shared by the tests of a class.</summary>
public sealed class DefaultSnapshot : IAsyncLifetime
{
    public TemplateSnapshot Snapshot { get; private set; } = null!;

    public async Task InitializeAsync() => Snapshot = await TemplateSnapshot.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
