namespace NewsSummarizer.Summarization.Extractive;

/// <summary>A linear sentence scorer: a sentence's score is <see cref="Intercept"/> plus each feature of
/// <see cref="SentenceFeatures"/> times its weight. The weights are fitted, not set by hand (see
/// docs/quality.md).</summary>
public sealed record SentenceModel(
    double Intercept,
    double First,
    double Lead,
    double Remaining,
    double ParagraphStart,
    double Centrality,
    double OpeningSimilarity,
    double Centroid,
    double LogLength,
    double Digits,
    double Quotes)
{
    /// <summary>The weights in <see cref="SentenceFeatures.Names"/> order, without the intercept.</summary>
    public double[] Weights() =>
        [First, Lead, Remaining, ParagraphStart, Centrality, OpeningSimilarity, Centroid, LogLength, Digits, Quotes];

    /// <summary>A model from an intercept and weights in <see cref="SentenceFeatures.Names"/> order.</summary>
    public static SentenceModel FromWeights(double intercept, IReadOnlyList<double> w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Count != SentenceFeatures.Count)
        {
            throw new ArgumentException($"A sentence model has {SentenceFeatures.Count} weights.", nameof(w));
        }

        return new(intercept, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9]);
    }

    /// <summary>The score of a sentence with these features.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        if (features.Length != SentenceFeatures.Count)
        {
            throw new ArgumentException($"A sentence has {SentenceFeatures.Count} features.", nameof(features));
        }

        var score = Intercept;
        var weights = Weights();
        for (var k = 0; k < weights.Length; k++)
        {
            score += weights[k] * features[k];
        }

        return score;
    }
}

/// <summary>What <see cref="SentenceModel"/> sees of a sentence: its place in the article, its paragraph, its length,
/// how central it is and what it holds. All are computed in time linear in the article's length.</summary>
public static class SentenceFeatures
{
    /// <summary>The features' names, in the order of a feature row.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "first", // 1 for the article's first sentence
        "lead", // 1 / (1 + index)
        "remaining", // 1 - index / (n - 1): the share of the article still to come
        "paragraph-start", // 1 when the sentence opens a paragraph (a line) other than the first
        "centrality", // LexRank centrality, the best being 1
        "opening-similarity", // cosine similarity to the first sentence (0 for the first itself)
        "centroid", // cosine similarity to the whole article
        "log-length", // log of the sentence's words over the article's mean
        "digits", // 1 when the sentence holds a digit
        "quotes", // 1 when it holds a quotation mark or a bracket
    ];

    /// <summary>How many features a sentence has.</summary>
    public static int Count => Names.Count;

    internal static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool HasQuote(string text) => text.AsSpan().IndexOfAny("\"«»“”„()[]") >= 0;
}
