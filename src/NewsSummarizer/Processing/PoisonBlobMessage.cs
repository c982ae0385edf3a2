using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSummarizer.Processing;

/// <summary>The message the blob trigger puts on <c>webjobs-blobtrigger-poison</c> when it gives up on a blob.</summary>
public sealed record PoisonBlobMessage(
    [property: JsonPropertyName("ContainerName")] string? ContainerName,
    [property: JsonPropertyName("BlobName")] string? BlobName,
    [property: JsonPropertyName("ETag")] string? ETag)
{
    public const string QueueName = "webjobs-blobtrigger-poison";

    public static PoisonBlobMessage? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<PoisonBlobMessage>(json);
            return string.IsNullOrEmpty(message?.BlobName) ? null : message;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
