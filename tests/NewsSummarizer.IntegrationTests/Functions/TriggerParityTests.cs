using System.Reflection;
using Microsoft.Azure.WebJobs;
using NewsSummarizer.DevHost;

namespace NewsSummarizer.IntegrationTests.Functions;

/// <summary>The DevHost runs the Functions app's non-HTTP functions locally on the WebJobs SDK: the same names on
/// the same triggers (blob path, queue names), held to what the built worker declares to the host, so a function
/// added, renamed or moved to another queue in one host cannot drift from the other.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TriggerParityTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task DevHostTriggers_EveryFunction_MatchesTheWorkersNameTriggerAndSource()
    {
        await using var worker = await FunctionsWorker.StartAsync(azurite, output);

        var declared = worker.Host.Functions.Values
            .Select(function => (function.Name, Binding: Trigger(function.RawBindings)))
            .Where(function => function.Binding["type"]!.GetValue<string>() is not "httpTrigger")
            .ToDictionary(function => function.Name, function => Describe(function.Binding), StringComparer.Ordinal);
        var local = typeof(TriggerFunctions).GetMethods()
            .Select(method => (Name: method.GetCustomAttribute<FunctionNameAttribute>()?.Name, Trigger: Describe(method)))
            .Where(function => function.Name is not null)
            .ToDictionary(function => function.Name!, function => function.Trigger, StringComparer.Ordinal);

        Assert.Equal(declared.OrderBy(f => f.Key, StringComparer.Ordinal), local.OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    private static JsonObject Trigger(IEnumerable<string> rawBindings) =>
        rawBindings.Select(raw => JsonNode.Parse(raw)!.AsObject())
            .Single(binding => binding["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    // "blob <path>" or "queue <name>", from the worker's declared binding...
    private static string Describe(JsonObject binding) => binding["type"]!.GetValue<string>() switch
    {
        "blobTrigger" => $"blob {binding["path"]}",
        "queueTrigger" => $"queue {binding["queueName"]}",
        var other => other,
    };

    // ...and from the DevHost method's WebJobs trigger attribute.
    private static string Describe(MethodInfo method)
    {
        var attributes = method.GetParameters().SelectMany(p => p.GetCustomAttributes()).ToList();
        return attributes.OfType<BlobTriggerAttribute>().SingleOrDefault() is { } blob ? $"blob {blob.BlobPath}"
            : attributes.OfType<QueueTriggerAttribute>().SingleOrDefault() is { } queue ? $"queue {queue.QueueName}"
            : "none";
    }
}
