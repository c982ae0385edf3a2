namespace NewsSummarizer.Processing;

/// <summary>The version of an article a result is judged against. <see cref="Sha256"/> (of the normalised text) is
/// known when the text was read and decoded; a listing gives only <see cref="ETag"/>.</summary>
public readonly record struct ArticleVersion(string? ETag, string? Sha256);
