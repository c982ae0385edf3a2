using System.Text.Json.Serialization;

namespace NewsSummarizer.Summaries;

/// <summary>Values of <see cref="SummaryDocument.Status"/>. The JSON names are the contract
/// (<c>summary.schema.json</c>); <see cref="WireNames.Of{T}(T)"/> gives them as text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SummaryStatus>))]
public enum SummaryStatus
{
    /// <summary>Summarised.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The input will never succeed (empty, binary, too large, unsupported); final.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>Retries were exhausted; a new upload or a backfill tries again.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Not a result yet: the model was unavailable, and another attempt is scheduled at <c>retryAt</c>.
    /// Never current, never final; the attempt replaces it.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,
}
