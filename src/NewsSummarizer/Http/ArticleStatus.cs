using System.Text.Json;
using System.Text.Json.Serialization;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Http;

/// <summary>An article's state in <c>GET /api/articles</c>: its result's <see cref="SummaryStatus"/> (named as the
/// result names it), or <see cref="Pending"/> (no result yet), or <see cref="Unreadable"/> (a result this version
/// cannot read). Written as its <see cref="Name"/> (docs/openapi.yaml).</summary>
[JsonConverter(typeof(ArticleStatusJsonConverter))]
public readonly record struct ArticleStatus
{
    private ArticleStatus(SummaryStatus? result, string name)
    {
        Result = result;
        Name = name;
    }

    /// <summary>No result is written yet.</summary>
    public static ArticleStatus Pending { get; } = new(null, "pending");

    /// <summary>A result exists but is not a document this version can read.</summary>
    public static ArticleStatus Unreadable { get; } = new(null, "unreadable");

    /// <summary>The result's status; null for <see cref="Pending"/> and <see cref="Unreadable"/>.</summary>
    public SummaryStatus? Result { get; }

    /// <summary>The name the API writes.</summary>
    public string Name { get; }

    /// <summary>The state of an article whose result has <paramref name="status"/>.</summary>
    public static ArticleStatus Of(SummaryStatus status) => new(status, WireNames.Of(status));

    /// <summary>The state named <paramref name="name"/>, as the API writes it.</summary>
    public static bool TryParse(string? name, out ArticleStatus status)
    {
        status = name == Pending.Name ? Pending
            : name == Unreadable.Name ? Unreadable
            : WireNames.TryParse<SummaryStatus>(name, ignoreCase: false, out var result) ? Of(result)
            : default;
        return status.Name is not null;
    }

    public override string ToString() => Name;
}

/// <summary>Reads and writes <see cref="ArticleStatus"/> as its name.</summary>
internal sealed class ArticleStatusJsonConverter : JsonConverter<ArticleStatus>
{
    public override ArticleStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ArticleStatus.TryParse(reader.GetString(), out var status) ? status : throw new JsonException("Unknown article status.");

    public override void Write(Utf8JsonWriter writer, ArticleStatus value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }
}
