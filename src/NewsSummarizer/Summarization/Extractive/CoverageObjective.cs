namespace NewsSummarizer.Summarization.Extractive;

/// <summary>A coverage term in sentence selection: the value a pick adds by covering what the picks so far leave
/// out, with diminishing returns (a monotone submodular function, so greedy picking is near-optimal).</summary>
public enum CoverageObjective
{
    /// <summary>Score and novelty (MMR) only.</summary>
    None,

    /// <summary>Lin and Bilmes (2011): each sentence of the article is covered by the picks' cosine similarity to it,
    /// up to <see cref="ExtractiveOptions.CoverageCap"/> of its similarity to the whole article.</summary>
    Sentences,

    /// <summary>Content-term coverage: a pick gains, for each stemmed content term no pick holds yet, the number of
    /// the article's sentences that hold it (frequent terms are the ones references repeat).</summary>
    Terms,
}
