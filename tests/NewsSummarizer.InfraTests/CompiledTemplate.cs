using System.Text.Json.Nodes;

namespace NewsSummarizer.InfraTests;

/// <summary>infra/main.bicep compiled once to ARM JSON and shared by every test in the collection.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    public ProcessResult Build { get; private set; } = null!;

    public ProcessResult Lint { get; private set; } = null!;

    /// <summary>The ARM JSON as text, for assertions on what must appear nowhere.</summary>
    public string Text { get; private set; } = "";

    public JsonObject Root { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var main = RepoPaths.Of("infra/main.bicep");
        Build = await Bicep.RunAsync("build", main, "--stdout");
        Lint = await Bicep.RunAsync("lint", main);
        Text = Build.StandardOutput;
        Root = JsonNode.Parse(Text)?.AsObject()
            ?? throw new InvalidOperationException($"bicep build produced no JSON: {Build.StandardError}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every resource at any depth, including those inside module (nested deployment) templates, but not
    /// references to existing ones (<c>"existing": true</c> in symbolic-name templates).</summary>
    public IEnumerable<JsonObject> Resources() => Walk(Root)
        .Where(o => o["type"] is JsonValue && o["apiVersion"] is JsonValue)
        .Where(o => o["existing"] is not JsonValue existing || !existing.GetValue<bool>());

    public IReadOnlyList<JsonObject> ResourcesOfType(string type) =>
        [.. Resources().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    public JsonObject Single(string type)
    {
        var matches = ResourcesOfType(type);
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    /// <summary>The template of a module, by the deployment name main.bicep gives it.</summary>
    public JsonObject Module(string name) =>
        ResourcesOfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name);

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var found in Walk(child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var found in Walk(child))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "compiled main.bicep";
}
