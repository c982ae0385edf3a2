namespace NewsSummarizer.Articles;

/// <summary>An article ready to summarise: its decoded, normalised text, an optional title and its language.</summary>
/// <param name="Text">The normalised plain text (paragraphs separated by blank lines or new lines).</param>
/// <param name="Title">A title the source carried (HTML title, Markdown heading, JSON title), if any.</param>
public sealed record Article(string Text, string? Title, ArticleLanguage Language)
{
    /// <summary>Where the article was published, when the source says (JSON <c>url</c>).</summary>
    public Uri? Url { get; init; }

    /// <summary>When the article was published, when the source says (JSON <c>publishedAt</c>).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}
