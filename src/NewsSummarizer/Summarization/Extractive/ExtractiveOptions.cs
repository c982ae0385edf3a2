namespace NewsSummarizer.Summarization.Extractive;

/// <summary>Parameters of <see cref="ExtractiveSummarizer"/>.</summary>
/// <remarks>The score weights and length settings are the ones cross-validation chose on EASC dev (<c>newsum eval --cv
/// 5</c>, grid in <c>ExtractiveTuning</c> of the separate NewsSummarizer.Evaluation library, which depends on this one
/// and never the other way); docs/quality.md has the figures and what else was tried.</remarks>
public sealed record ExtractiveOptions
{
    /// <summary>The defaults.</summary>
    public static ExtractiveOptions Default { get; } = new();

    /// <summary>PageRank damping: the share of a sentence's centrality that flows along similarity edges.</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>Cosine similarities below this are not graph edges (LexRank's threshold, continuous above it).</summary>
    public double EdgeThreshold { get; init; } = 0.05;

    /// <summary>Each sentence keeps only its strongest edges (a nearest-neighbour graph), so long articles cost
    /// linear, not quadratic, time.</summary>
    public int MaxNeighbours { get; init; } = 10;

    /// <summary>Each sentence's neighbours are sought among at most this many candidates, those sharing its rarest
    /// terms first (within a term, the nearest sentences); articles with no more than this many other sentences
    /// compare every pair that shares a term. Bounds the similarity work per sentence, so it grows with the
    /// article's length rather than its square.</summary>
    public int MaxCandidates { get; init; } = 20;

    /// <summary>Weight of LexRank centrality in a sentence's score.</summary>
    public double CentralityWeight { get; init; } = 1.0;

    /// <summary>Weight of the news lead bias in a sentence's score: 1 / (1 + index / <see cref="PositionScale"/>),
    /// strong for the first sentence and fading fast.</summary>
    public double PositionWeight { get; init; } = 1.0;

    /// <summary>How fast the lead bias fades.</summary>
    public double PositionScale { get; init; } = 1.0;

    /// <summary>Weight of the share of the article still to come after a sentence (1 for the first, 0 for the
    /// last): a slow, linear fade over the whole article. Human extracts take later sentences about as often as
    /// the second and third up to the middle of an article, and less often after it.</summary>
    public double RemainingWeight { get; init; } = 2.0;

    /// <summary>Weight of similarity to the title, when the article has one.</summary>
    public double TitleWeight { get; init; } = 0.3;

    /// <summary>With a ratio below 1, the summary aims at this share of ratio × the article's words, choosing how
    /// many of the best sentences to take within <see cref="CountSpread"/> of the sentence budget. 0 keeps the
    /// sentence count.</summary>
    public double WordTargetShare { get; init; } = 0.9;

    /// <summary>How far the number of sentences may move from the sentence budget to meet the word target.</summary>
    public int CountSpread { get; init; } = 2;

    /// <summary>Maximal marginal relevance: each pick is worth this share of its score minus the rest times its
    /// strongest similarity to the sentences already picked. 1 would turn novelty off.</summary>
    public double MmrLambda { get; init; } = 0.85;

    /// <summary>Sentences with fewer content terms than this are chosen only when nothing else is left.</summary>
    public int MinTerms { get; init; } = 3;

    /// <summary>Cosine similarity at which a sentence counts as a repeat of an earlier one; repeats are never picked.</summary>
    public double DuplicateSimilarity { get; init; } = 0.9;

    /// <summary>The longest sentence, in words, used as a title as it is; longer ones are shortened.</summary>
    public int TitleMaxWords { get; init; } = 20;

    /// <summary>Key points longer than this many words are cut at the last clause boundary within it.</summary>
    public int KeyPointMaxWords { get; init; } = 35;
}
