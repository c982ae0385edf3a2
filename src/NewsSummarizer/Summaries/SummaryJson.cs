using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace NewsSummarizer.Summaries;

/// <summary>The one JSON shape of result documents: camelCase, UTF-8, Arabic kept readable.</summary>
public static class SummaryJson
{
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: true);

    /// <summary>Compact output for HTTP responses.</summary>
    public static JsonSerializerOptions CompactOptions { get; } = Create(writeIndented: false);

    public static byte[] Serialize(SummaryDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    /// <summary>Reads a stored document; <c>null</c> when it is not a document of a schema version we understand.</summary>
    public static SummaryDocument? TryDeserialize(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var document = JsonSerializer.Deserialize<SummaryDocument>(utf8, Options);
            return document?.SchemaVersion == SummaryDocument.CurrentSchemaVersion ? document : null;
        }
        catch (JsonException)
        {
            return null;
        }
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
