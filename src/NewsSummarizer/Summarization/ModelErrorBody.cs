using System.Text;
using System.Text.Json;

namespace NewsSummarizer.Summarization;

/// <summary>The fields of an OpenAI-shaped error body that decide the class; absent fields are <c>null</c>.</summary>
internal sealed record ModelErrorBody(string? Code, string? Param, string? Message, string? InnerCode, JsonElement? FilterResult)
{
    private static readonly ModelErrorBody Empty = new(null, null, null, null, null);

    public static ModelErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(body));
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }

            JsonElement? filter = null;
            string? innerCode = null;
            if (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                innerCode = Text(inner, "code");
                if (inner.TryGetProperty("content_filter_result", out var result))
                {
                    filter = result.Clone();
                }
            }

            return new ModelErrorBody(Text(error, "code"), Text(error, "param"), Text(error, "message"), innerCode, filter);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
