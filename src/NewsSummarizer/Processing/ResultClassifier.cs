using System.Diagnostics.CodeAnalysis;
using NewsSummarizer.Summaries;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Processing;

/// <summary>Classifies a stored result against an article version. Pure and null-safe: a document with a missing
/// <c>source</c>, <c>model</c> or <c>model.provider</c> (only possible if it bypassed the schema check) is <see cref="ResultState.Missing"/>.</summary>
public static class ResultClassifier
{
    /// <param name="length">The length asked for now (the article's <c>summary_length</c> metadata); null is the
    /// default, which a result without a recorded length was made for.</param>
    public static ResultState Classify(SummaryDocument? stored, ArticleVersion article, ModelProvider provider, string promptVersion, SummaryLength? length = null)
    {
        if (stored is not { Source: { } source, Model: { Provider: { } storedProvider } model, Status: var status })
        {
            return ResultState.Missing;
        }

        if (!Describes(source, article))
        {
            return ResultState.Stale;
        }

        if (status == SummaryStatus.Failed)
        {
            return ResultState.Failed;
        }

        if (status == SummaryStatus.Waiting)
        {
            return ResultState.Waiting;
        }

        // Only a summary has a length: a rejection or a failure stands whatever length was asked.
        if (status == SummaryStatus.Ok && !(length ?? SummaryLength.Default).Matches(stored.Length))
        {
            return ResultState.Stale;
        }

        if (storedProvider.IsFallback)
        {
            return ResultState.Fallback;
        }

        return storedProvider == provider && model.PromptVersion == promptVersion ? ResultState.Current : ResultState.Stale;
    }

    /// <summary>Whether the service is done with this version: its result is current, or is the fallback or the
    /// failure written for it. <c>newsum upload --wait</c> waits for this; missing and stale results are still to come.</summary>
    public static bool IsSettled(this ResultState state) => state is ResultState.Current or ResultState.Fallback or ResultState.Failed;

    /// <summary>Whether the result was made from this version's content: the same text (sha256 of the normalised
    /// text) when the article was read, else the same blob version (ETag). Identical text uploaded again has a new
    /// ETag and the same hash, so once read it is the same content.</summary>
    public static bool Describes(SourceInfo source, ArticleVersion article)
    {
        ArgumentNullException.ThrowIfNull(source);
        return article.Sha256 is not null
            ? string.Equals(source.Sha256, article.Sha256, StringComparison.Ordinal)
            : ArticleVersion.SameETag(article.ETag, source.ETag);
    }

    /// <summary>Whether a stored result (of any status) was made from the blob version a listing gave, judged by ETag
    /// alone, before the article is read.</summary>
    public static bool DescribesListed([NotNullWhen(true)] SummaryDocument? stored, string listedETag) =>
        stored?.Source is { } source && Describes(source, new ArticleVersion(listedETag, Sha256: null));
}
