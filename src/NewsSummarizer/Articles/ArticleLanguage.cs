using System.Text.Json.Serialization;

namespace NewsSummarizer.Articles;

/// <summary>The language of an article, as result documents write it (<c>ar</c>, <c>en</c>, <c>other</c>).
/// <see cref="LanguageDetector"/> decides it from the text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArticleLanguage>))]
public enum ArticleLanguage
{
    /// <summary>Neither Arabic nor English (or no letters at all).</summary>
    [JsonStringEnumMemberName("other")]
    Other,

    [JsonStringEnumMemberName("ar")]
    Arabic,

    [JsonStringEnumMemberName("en")]
    English,
}
