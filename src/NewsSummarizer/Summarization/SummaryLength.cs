namespace NewsSummarizer.Summarization;

/// <summary>How long an extractive summary should be. Model providers write a short summary whatever it says.</summary>
/// <param name="Ratio">A share of the article's sentences, in (0, 1].</param>
/// <param name="Sentences">A number of sentences.</param>
public sealed record SummaryLength(double? Ratio = null, int? Sentences = null)
{
    /// <summary>The service default: about three sentences or a quarter of the article, whichever is shorter.</summary>
    public static SummaryLength Default { get; } = new();

    public bool IsDefault => Ratio is null && Sentences is null;
}
