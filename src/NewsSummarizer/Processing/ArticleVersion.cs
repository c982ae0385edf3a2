namespace NewsSummarizer.Processing;

/// <summary>The version of an article a result is judged against. <see cref="Sha256"/> (of the normalised text) is
/// known when the text was read and decoded; a listing gives only <see cref="ETag"/>.</summary>
public readonly record struct ArticleVersion(string? ETag, string? Sha256)
{
    /// <summary>The one ETag comparison: whether two ETags name the same blob version (ordinal, the form
    /// <see cref="Storage.IArticleStore"/> gives; a missing ETag names no version).</summary>
    public static bool SameETag(string? etag, string? other) => etag is not null && string.Equals(etag, other, StringComparison.Ordinal);

    /// <summary>The one form of an ETag (quoted): listings carry ETags bare, response headers quoted.</summary>
    public static string FormOf(Azure.ETag etag)
    {
        var value = etag.ToString();
        return value.StartsWith('"') ? value : $"\"{value}\"";
    }
}
