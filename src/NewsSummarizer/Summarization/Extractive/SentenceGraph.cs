using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Extractive;

/// <summary>One article's sentences as a cosine-similarity graph over TF-IDF weighted stemmed terms, with a score
/// per sentence (graph centrality + lead bias + title similarity) and MMR selection.</summary>
internal sealed class SentenceGraph
{
    private const int MaxIterations = 100;
    private const double Convergence = 1e-6;

    private readonly int count;
    private readonly float[] similarity; // count × count, symmetric, zero diagonal
    private readonly int[] termCounts;
    private readonly bool[] duplicate;
    private readonly int[] words;

    private SentenceGraph(
        int count, float[] similarity, int[] termCounts, bool[] duplicate, int[] words, double[] scores)
    {
        this.count = count;
        this.similarity = similarity;
        this.termCounts = termCounts;
        this.duplicate = duplicate;
        this.words = words;
        Scores = scores;
    }

    /// <summary>Each sentence's score, the best being 1.</summary>
    public double[] Scores { get; }

    public static SentenceGraph Build(
        IReadOnlyList<Sentence> sentences, string language, string? title, ExtractiveOptions options, TermAnalyzer analyzer)
    {
        var n = sentences.Count;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = new TermVector[n];
        var ids = new List<int>();
        for (var i = 0; i < n; i++)
        {
            ids.Clear();
            analyzer.AddTermIds(sentences[i].Text, language, vocabulary, ids);
            vectors[i] = TermVector.FromIds(ids);
        }

        var idf = InverseDocumentFrequencies(vectors, vocabulary.Count);
        var termCounts = new int[n];
        for (var i = 0; i < n; i++)
        {
            vectors[i].Weigh(idf);
            termCounts[i] = vectors[i].TokenCount;
        }

        var similarity = Similarities(vectors, vocabulary.Count, n);
        var duplicate = Duplicates(sentences, similarity, options.DuplicateSimilarity);
        var centrality = Centrality(similarity, duplicate, n, options);
        var titleSimilarity = TitleSimilarities(title, language, vocabulary, idf, vectors, analyzer);

        var centroid = CentroidSimilarities(vectors, vocabulary.Count);
        var words = sentences.Select(s => Math.Max(1, Words.Count(s.Text))).ToArray();
        var meanWords = words.Average();
        var scores = new double[n];
        var max = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            var position = 1.0 / (1.0 + (i / options.PositionScale));
            scores[i] = (options.CentralityWeight * centrality[i]) + (options.PositionWeight * position)
                + (options.TitleWeight * titleSimilarity[i]) + (options.CentroidWeight * centroid[i]);
            if (i == 0 || sentences[i].Paragraph != sentences[i - 1].Paragraph)
            {
                scores[i] += options.ParagraphStartWeight;
            }

            scores[i] /= Math.Pow(words[i] / meanWords, options.LengthExponent);
            max = Math.Max(max, scores[i]);
        }

        for (var i = 0; i < n; i++)
        {
            scores[i] = max > 0 ? scores[i] / max : 0;
        }

        return new SentenceGraph(n, similarity, termCounts, duplicate, words, scores);
    }

    public double Similarity(int a, int b) => similarity[(a * count) + b];

    /// <summary>Picks up to <paramref name="take"/> sentences by maximal marginal relevance, best first. Repeats are
    /// never picked; sentences with few content terms only when nothing else is left. While the word budget
    /// allows, a pick must leave room for the remaining picks at their shortest.</summary>
    public List<int> Select(int take, ExtractiveOptions options)
    {
        var chosen = new List<int>(take);
        var taken = new bool[count];
        var redundancy = new double[count];
        var budget = options.WordBudget > 0 ? options.WordBudget * take * words.Average() : double.PositiveInfinity;
        var used = 0.0;
        while (chosen.Count < take)
        {
            var room = double.IsPositiveInfinity(budget)
                ? budget
                : budget - used - ShortestRemaining(taken, take - chosen.Count - 1);
            var best = Best(taken, redundancy, options, requireTerms: true, room);
            best = best >= 0 ? best : Best(taken, redundancy, options, requireTerms: false, room);
            best = best >= 0 ? best : Best(taken, redundancy, options, requireTerms: false, double.PositiveInfinity);
            if (best < 0)
            {
                break;
            }

            chosen.Add(best);
            taken[best] = true;
            used += words[best];
            for (var i = 0; i < count; i++)
            {
                redundancy[i] = Math.Max(redundancy[i], Similarity(i, best));
            }
        }

        return chosen;
    }

    // Words the shortest `picks` untaken sentences need (a slight overestimate of the room is harmless).
    private double ShortestRemaining(bool[] taken, int picks)
    {
        if (picks <= 0)
        {
            return 0;
        }

        var lengths = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (!taken[i] && !duplicate[i])
            {
                lengths.Add(words[i]);
            }
        }

        lengths.Sort();
        return lengths.Take(picks).Sum();
    }

    private int Best(bool[] taken, double[] redundancy, ExtractiveOptions options, bool requireTerms, double room)
    {
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            if (taken[i] || duplicate[i] || words[i] > room || (requireTerms && termCounts[i] < options.MinTerms))
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

    private static double[] InverseDocumentFrequencies(TermVector[] vectors, int terms)
    {
        var df = new int[terms];
        foreach (var vector in vectors)
        {
            foreach (var term in vector.Terms)
            {
                df[term]++;
            }
        }

        var idf = new double[terms];
        for (var t = 0; t < terms; t++)
        {
            idf[t] = Math.Log(1.0 + ((double)vectors.Length / df[t]));
        }

        return idf;
    }

    // Dot products through an inverted index: only sentence pairs that share a term cost anything.
    private static float[] Similarities(TermVector[] vectors, int terms, int n)
    {
        var postingStart = new int[terms + 1];
        foreach (var vector in vectors)
        {
            foreach (var term in vector.Terms)
            {
                postingStart[term + 1]++;
            }
        }

        for (var t = 0; t < terms; t++)
        {
            postingStart[t + 1] += postingStart[t];
        }

        var fill = postingStart[..^1];
        var postingSentence = new int[postingStart[terms]];
        var postingWeight = new float[postingStart[terms]];
        for (var s = 0; s < n; s++)
        {
            var vector = vectors[s];
            for (var k = 0; k < vector.Terms.Length; k++)
            {
                var slot = fill[vector.Terms[k]]++;
                postingSentence[slot] = s;
                postingWeight[slot] = (float)vector.Weights[k];
            }
        }

        var similarity = new float[n * n];
        for (var t = 0; t < terms; t++)
        {
            for (var a = postingStart[t]; a < postingStart[t + 1]; a++)
            {
                var row = postingSentence[a] * n;
                for (var b = a + 1; b < postingStart[t + 1]; b++)
                {
                    similarity[row + postingSentence[b]] += postingWeight[a] * postingWeight[b];
                }
            }
        }

        // Postings are in sentence order, so only the upper triangle was filled.
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                similarity[(b * n) + a] = similarity[(a * n) + b];
            }
        }

        return similarity;
    }

    private static bool[] Duplicates(IReadOnlyList<Sentence> sentences, float[] similarity, double threshold)
    {
        var n = sentences.Count;
        var duplicate = new bool[n];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            duplicate[i] = !seen.Add(sentences[i].Text);
            for (var j = 0; j < i && !duplicate[i]; j++)
            {
                duplicate[i] = !duplicate[j] && similarity[(j * n) + i] >= threshold;
            }
        }

        return duplicate;
    }

    // Weighted PageRank (TextRank/LexRank) by power iteration over each sentence's strongest edges. Keeping at most
    // MaxNeighbours edges per sentence makes each iteration linear in the article's length, not quadratic.
    private static double[] Centrality(float[] similarity, bool[] duplicate, int n, ExtractiveOptions options)
    {
        var edgeStart = new int[n + 1];
        var edgeTarget = new List<int>(n * Math.Min(n, options.MaxNeighbours));
        var edgeWeight = new List<double>(edgeTarget.Capacity);
        var row = new List<(float Weight, int Node)>(n);
        for (var i = 0; i < n; i++)
        {
            row.Clear();
            for (var j = 0; j < n && !duplicate[i]; j++)
            {
                var w = similarity[(i * n) + j];
                if (j != i && !duplicate[j] && w >= options.EdgeThreshold)
                {
                    row.Add((w, j));
                }
            }

            if (row.Count > options.MaxNeighbours)
            {
                row.Sort(static (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Node.CompareTo(b.Node));
                row.RemoveRange(options.MaxNeighbours, row.Count - options.MaxNeighbours);
            }

            var total = row.Sum(e => (double)e.Weight);
            foreach (var (w, j) in row)
            {
                edgeTarget.Add(j);
                edgeWeight.Add(w / total); // Share of i's rank that flows to j.
            }

            edgeStart[i + 1] = edgeTarget.Count;
        }

        var rank = new double[n];
        var next = new double[n];
        Array.Fill(rank, 1.0 / n);
        var d = options.Damping;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Sentences without edges spread their rank evenly, so the total stays 1.
            var spread = 1 - d;
            for (var i = 0; i < n; i++)
            {
                if (edgeStart[i] == edgeStart[i + 1])
                {
                    spread += d * rank[i];
                }
            }

            Array.Fill(next, spread / n);
            for (var i = 0; i < n; i++)
            {
                for (var e = edgeStart[i]; e < edgeStart[i + 1]; e++)
                {
                    next[edgeTarget[e]] += d * rank[i] * edgeWeight[e];
                }
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - rank[i]);
            }

            (rank, next) = (next, rank);
            if (change < Convergence)
            {
                break;
            }
        }

        var max = rank.Max();
        for (var i = 0; i < n; i++)
        {
            rank[i] = duplicate[i] || max <= 0 ? 0 : rank[i] / max;
        }

        return rank;
    }

    private static double[] CentroidSimilarities(TermVector[] vectors, int terms)
    {
        var centroid = new double[terms];
        foreach (var vector in vectors)
        {
            for (var k = 0; k < vector.Terms.Length; k++)
            {
                centroid[vector.Terms[k]] += vector.Weights[k];
            }
        }

        var norm = Math.Sqrt(centroid.Sum(w => w * w));
        var result = new double[vectors.Length];
        for (var i = 0; i < vectors.Length && norm > 0; i++)
        {
            var dot = 0.0;
            for (var k = 0; k < vectors[i].Terms.Length; k++)
            {
                dot += centroid[vectors[i].Terms[k]] * vectors[i].Weights[k];
            }

            result[i] = dot / norm;
        }

        return result;
    }

    private static double[] TitleSimilarities(
        string? title, string language, Dictionary<string, int> vocabulary, double[] idf, TermVector[] vectors,
        TermAnalyzer analyzer)
    {
        var result = new double[vectors.Length];
        if (string.IsNullOrWhiteSpace(title))
        {
            return result;
        }

        // New title terms get ids past the article's vocabulary, weight 0: they match no sentence.
        var ids = new List<int>();
        var known = vocabulary.Count;
        analyzer.AddTermIds(title, language, vocabulary, ids);
        ids.RemoveAll(id => id >= known);
        var titleVector = TermVector.FromIds(ids);
        titleVector.Weigh(idf);
        for (var i = 0; i < vectors.Length; i++)
        {
            result[i] = titleVector.Dot(vectors[i]);
        }

        return result;
    }
}
