using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSummarizer.Summarization;

/// <summary>Writes a <see cref="ModelProvider"/> as its name and reads any non-empty name back (unknown names
/// included), so stored results keep their exact text.</summary>
public sealed class ModelProviderJsonConverter : JsonConverter<ModelProvider>
{
    public override ModelProvider Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return string.IsNullOrEmpty(name)
            ? throw new JsonException("A model provider is a non-empty string.")
            : ModelProvider.Parse(name);
    }

    public override void Write(Utf8JsonWriter writer, ModelProvider value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Name);
    }
}
