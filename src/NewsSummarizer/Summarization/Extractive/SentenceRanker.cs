using System.Runtime.InteropServices;
using NewsSummarizer.Articles;
using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Extractive;

/// <summary>One article's sentences as a cosine-similarity graph over TF-IDF weighted stemmed terms, with a score
/// per sentence (LexRank centrality + lead bias + slow fade over the article + title similarity) and MMR selection.</summary>
/// <remarks>Similarities are never held as an n × n matrix: a sentence's row is accumulated on demand through an
/// inverted index over terms, so only sentence pairs that share a term cost anything.</remarks>
internal sealed class SentenceRanker
{
    private readonly int count;
    private readonly Postings postings;
    private readonly int[] termCounts;
    private readonly bool[] duplicate;
    private readonly int[] words;
    private readonly Features features;

    private SentenceRanker(int count, Postings postings, int[] termCounts, bool[] duplicate, int[] words, Features features, double[] scores)
    {
        this.count = count;
        this.postings = postings;
        this.termCounts = termCounts;
        this.duplicate = duplicate;
        this.words = words;
        this.features = features;
        Scores = scores;
    }

    /// <summary>Each sentence's score, the best being 1.</summary>
    public double[] Scores { get; }

    /// <summary>Each sentence's length in words.</summary>
    public IReadOnlyList<int> Words => words;

    /// <summary>The same graph scored with other weights (tuning reuses the graph; weights do not change it).</summary>
    public SentenceRanker WithWeights(ExtractiveOptions options) =>
        new(count, postings, termCounts, duplicate, words, features, ScoreAll(features, words, options));

    public static SentenceRanker Build(
        IReadOnlyList<Sentence> sentences, ArticleLanguage language, string? title, ExtractiveOptions options, TermAnalyzer analyzer)
    {
        var n = sentences.Count;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var characters = 0;
        foreach (var sentence in sentences)
        {
            characters += sentence.Text.Length;
        }

        var ids = new List<int>((characters / 5) + 16); // About one content term per five characters.
        var ends = new int[n];
        analyzer.AddSentenceTermIds(sentences, language, vocabulary, ids, ends);
        var matrix = TermMatrix.Build(CollectionsMarshal.AsSpan(ids), ends, vocabulary.Count);
        var idf = InverseDocumentFrequencies(matrix);
        matrix.Weigh(idf);
        var termCounts = new int[n];
        for (var i = 0; i < n; i++)
        {
            termCounts[i] = matrix.TokenCount(i);
        }

        var postings = new Postings(matrix, options.MaxCandidates);
        var (duplicate, centrality) = LexRank.Rank(sentences, postings, options);
        var reference = TitleSimilarities(title, language, vocabulary, idf, matrix, analyzer);
        var words = new int[n];
        for (var i = 0; i < n; i++)
        {
            words[i] = Math.Max(1, Text.Words.Count(sentences[i].Text));
        }

        var features = new Features(centrality, reference);
        return new SentenceRanker(n, postings, termCounts, duplicate, words, features, ScoreAll(features, words, options));
    }

    // A weighted sum of the features, scaled to a best of 1.
    private static double[] ScoreAll(Features features, int[] words, ExtractiveOptions options)
    {
        var n = words.Length;
        var scores = new double[n];
        var max = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            var position = 1.0 / (1.0 + (i / options.PositionScale));
            var remaining = n == 1 ? 1.0 : 1.0 - ((double)i / (n - 1));
            scores[i] = (options.CentralityWeight * features.Centrality[i]) + (options.PositionWeight * position)
                + (options.TitleWeight * features.Title[i])
                + (options.RemainingWeight * remaining);
            max = Math.Max(max, scores[i]);
        }

        for (var i = 0; i < n; i++)
        {
            scores[i] = max > 0 ? scores[i] / max : 0;
        }

        return scores;
    }

    /// <summary>Picks up to <paramref name="take"/> sentences by maximal marginal relevance, best first.</summary>
    /// <remarks>Repeats are never picked; sentences with few content terms only when nothing else is left.</remarks>
    public List<int> Select(int take, ExtractiveOptions options)
    {
        if (options.MmrLambda >= 1)
        {
            return SelectByScore(take, options);
        }

        var chosen = new List<int>(Math.Min(take, count));
        var taken = new bool[count];
        var redundancy = new double[count];
        var row = new SimilarityRow(count);
        while (chosen.Count < take)
        {
            var best = Best(taken, redundancy, options, requireTerms: true);
            best = best >= 0 ? best : Best(taken, redundancy, options, requireTerms: false);
            if (best < 0)
            {
                break;
            }

            chosen.Add(best);
            taken[best] = true;
            if (options.MmrLambda < 1)
            {
                postings.Accumulate(best, row);
                foreach (var j in row.Touched)
                {
                    redundancy[j] = Math.Max(redundancy[j], row.Values[j]);
                }

                row.Clear();
            }
        }

        return chosen;
    }

    // Without novelty the greedy choice is a walk down the scores (ties to the earlier sentence): sentences with
    // enough content terms first, then the rest. Same picks, n log n instead of n².
    private List<int> SelectByScore(int take, ExtractiveOptions options)
    {
        var order = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (!duplicate[i])
            {
                order.Add(i);
            }
        }

        order.Sort((a, b) =>
        {
            var aFirst = termCounts[a] >= options.MinTerms;
            var bFirst = termCounts[b] >= options.MinTerms;
            return aFirst != bFirst ? bFirst.CompareTo(aFirst)
                : Scores[a] != Scores[b] ? Scores[b].CompareTo(Scores[a])
                : a.CompareTo(b);
        });
        return order.Count > take ? order.GetRange(0, take) : order;
    }

    private int Best(
        bool[] taken, double[] redundancy, ExtractiveOptions options, bool requireTerms)
    {
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            if (taken[i] || duplicate[i] || (requireTerms && termCounts[i] < options.MinTerms))
            {
                continue;
            }

            var value = (options.MmrLambda * Scores[i]) - ((1 - options.MmrLambda) * redundancy[i]);
            if (value > bestValue)
            {
                best = i;
                bestValue = value;
            }
        }

        return best;
    }

    // Smoothed IDF over the article's sentences (docs/quality.md: BM25's IDF scored lower).
    private static double[] InverseDocumentFrequencies(TermMatrix matrix)
    {
        var idf = new double[matrix.Terms];
        var n = (double)matrix.Rows;
        for (var t = 0; t < idf.Length; t++)
        {
            idf[t] = Math.Log(1.0 + (n / matrix.DocumentFrequencies[t]));
        }

        return idf;
    }

    // The title weighed like a sentence (sublinear TF-IDF); its terms that no sentence has weigh nothing.
    private static double[] TitleSimilarities(
        string? title, ArticleLanguage language, Dictionary<string, int> vocabulary, double[] idf, TermMatrix matrix,
        TermAnalyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return new double[matrix.Rows];
        }

        var ids = new List<int>();
        var known = vocabulary.Count;
        analyzer.AddTermIds(title, language, vocabulary, ids);
        var counts = new int[matrix.Terms];
        foreach (var id in ids)
        {
            if (id < known)
            {
                counts[matrix.IdOf(id)]++;
            }
        }

        var query = new double[matrix.Terms];
        for (var t = 0; t < query.Length; t++)
        {
            query[t] = counts[t] > 0 ? (1 + Math.Log(counts[t])) * idf[t] : 0;
        }

        return matrix.Cosines(query);
    }

    private sealed record Features(double[] Centrality, double[] Title);
}
