using System.Text.Json.Serialization;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Http;

/// <summary>An article's state in <c>GET /api/articles</c>: its result's <see cref="SummaryStatus"/>, or that it has no
/// result yet, or one this version cannot read. The JSON names are the contract (docs/openapi.yaml).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArticleStatus>))]
public enum ArticleStatus
{
    [JsonStringEnumMemberName("ok")]
    Ok,

    [JsonStringEnumMemberName("rejected")]
    Rejected,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>No result is written yet.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>A result exists but is not a document this version can read.</summary>
    [JsonStringEnumMemberName("unreadable")]
    Unreadable,
}
