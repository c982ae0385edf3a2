using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Json.Schema;

namespace NewsSummarizer.Summaries;

/// <summary>The one JSON shape of result documents: camelCase, UTF-8, Arabic kept readable.</summary>
public static class SummaryJson
{
    /// <summary>The largest stored result that is read at all. Real results are a few kilobytes (two summaries, two
    /// titles and a handful of key points); anything near this size was not written by the service.</summary>
    public const int MaxResultBytes = 256 * 1024;

    // A registry of its own: the schema has an $id, and the global registry refuses a second schema under it
    // (tests and tools load the same file).
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(SummarySchema.Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static JsonSerializerOptions Options { get; } = Create(writeIndented: true);

    /// <summary>Compact output for HTTP responses.</summary>
    public static JsonSerializerOptions CompactOptions { get; } = Create(writeIndented: false);

    public static byte[] Serialize(SummaryDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    /// <summary>Reads a stored document; <c>null</c> when it is not a valid document of a schema version we understand.</summary>
    public static SummaryDocument? TryDeserialize(ReadOnlySpan<byte> utf8) => TryRead(utf8, out _);

    /// <summary>Reads a stored document only if it is at most <see cref="MaxResultBytes"/> long and valid against
    /// <c>summary.schema.json</c>, so nothing downstream meets a <c>null</c> where the contract promises a value
    /// (<c>"model": null</c>, <c>"source": null</c>). Otherwise returns <c>null</c> and says why in
    /// <paramref name="problem"/>; the caller treats the result as missing.</summary>
    public static SummaryDocument? TryRead(ReadOnlySpan<byte> utf8, out string? problem)
    {
        if (utf8.Length > MaxResultBytes)
        {
            problem = TooLarge(utf8.Length);
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 16 });
            using var json = JsonDocument.ParseValue(ref reader);
            if (!Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
            {
                // Evaluated again only to say where: the flag answer alone is the cheap path every valid result takes.
                var evaluation = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                problem = "it does not match summary.schema.json (" + FirstError(evaluation) + ")";
                return null;
            }

            problem = null;
            return json.RootElement.Deserialize<SummaryDocument>(Options);
        }
        catch (JsonException exception)
        {
            problem = "it is not valid JSON (" + exception.Message + ")";
            return null;
        }
    }

    /// <summary>Why a result of <paramref name="bytes"/> bytes is not read.</summary>
    public static string TooLarge(long bytes) => string.Create(
        CultureInfo.InvariantCulture, $"it is {bytes} bytes long; results are read only up to {MaxResultBytes} bytes");

    private static string FirstError(EvaluationResults evaluation)
    {
        foreach (var detail in evaluation.Details ?? [])
        {
            if (detail.Errors is { Count: > 0 } errors)
            {
                var location = detail.InstanceLocation.ToString();
                return (location.Length == 0 ? "/" : location) + ": " + errors.Values.First();
            }
        }

        return "no detail";
    }

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            // Arabic stays Arabic in the file; HTML-sensitive characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
