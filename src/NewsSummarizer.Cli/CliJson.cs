using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NewsSummarizer.Cli;

/// <summary>JSON for the CLI's own reports (evaluation figures, ROUGE scores): camelCase, indented, readable Arabic.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
