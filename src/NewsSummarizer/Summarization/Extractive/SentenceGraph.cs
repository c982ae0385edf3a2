using System.Runtime.InteropServices;
using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Extractive;

/// <summary>One article's sentences as a cosine-similarity graph over TF-IDF weighted stemmed terms, with a score
/// per sentence (graph centrality + lead bias + title similarity) and MMR selection.</summary>
/// <remarks>Similarities are never held as an n × n matrix: a sentence's row is accumulated on demand through an
/// inverted index over terms, so only sentence pairs that share a term cost anything.</remarks>
internal sealed class SentenceGraph
{
    private const int MaxIterations = 100;
    private const double Convergence = 1e-6;

    private readonly int count;
    private readonly Postings postings;
    private readonly int[] termCounts;
    private readonly bool[] duplicate;
    private readonly int[] words;

    private SentenceGraph(int count, Postings postings, int[] termCounts, bool[] duplicate, int[] words, double[] scores)
    {
        this.count = count;
        this.postings = postings;
        this.termCounts = termCounts;
        this.duplicate = duplicate;
        this.words = words;
        Scores = scores;
    }

    /// <summary>Each sentence's score, the best being 1.</summary>
    public double[] Scores { get; }

    /// <summary>Each sentence's length in words.</summary>
    public IReadOnlyList<int> Words => words;

    public static SentenceGraph Build(
        IReadOnlyList<Sentence> sentences, string language, string? title, ExtractiveOptions options, TermAnalyzer analyzer)
    {
        var n = sentences.Count;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<int>(n * 16);
        var ends = new int[n];
        analyzer.AddSentenceTermIds(sentences, language, vocabulary, ids, ends);
        var vectors = new TermVector[n];
        for (var i = 0; i < n; i++)
        {
            var start = i == 0 ? 0 : ends[i - 1];
            vectors[i] = TermVector.FromIds(CollectionsMarshal.AsSpan(ids)[start..ends[i]]);
        }

        var idf = InverseDocumentFrequencies(vectors, vocabulary.Count);
        var termCounts = new int[n];
        for (var i = 0; i < n; i++)
        {
            vectors[i].Weigh(idf);
            termCounts[i] = vectors[i].TokenCount;
        }

        var postings = new Postings(vectors, vocabulary.Count);
        var (duplicate, centrality) = DuplicatesAndCentrality(sentences, vectors, postings, options);
        var reference = TitleSimilarities(title, language, vocabulary, idf, vectors, analyzer);
        var centroid = options.CentroidWeight != 0 ? CentroidSimilarities(vectors, vocabulary.Count) : new double[n];

        var words = new int[n];
        for (var i = 0; i < n; i++)
        {
            words[i] = Math.Max(1, Text.Words.Count(sentences[i].Text));
        }

        var meanWords = words.Average();
        var scores = new double[n];
        var max = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            var position = 1.0 / (1.0 + (i / options.PositionScale));
            scores[i] = (options.CentralityWeight * centrality[i]) + (options.PositionWeight * position)
                + (options.TitleWeight * reference[i]) + (options.CentroidWeight * centroid[i]);
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

        return new SentenceGraph(n, postings, termCounts, duplicate, words, scores);
    }

    /// <summary>Picks sentences by maximal marginal relevance, best first: up to <paramref name="take"/> of them,
    /// and, when <paramref name="wordBudget"/> is set, only sentences that still fit in it, until none fits.
    /// Repeats are never picked; sentences with few content terms only when nothing else is left.</summary>
    public List<int> Select(int take, int? wordBudget, ExtractiveOptions options)
    {
        if (options.MmrLambda >= 1)
        {
            return SelectByScore(take, wordBudget, options);
        }

        var chosen = new List<int>(Math.Min(take, count));
        var taken = new bool[count];
        var redundancy = new double[count];
        var row = new Row(count);
        var room = wordBudget ?? int.MaxValue;
        while (chosen.Count < take)
        {
            var best = Best(taken, redundancy, options, requireTerms: true, room);
            best = best >= 0 ? best : Best(taken, redundancy, options, requireTerms: false, room);
            if (best < 0)
            {
                break;
            }

            chosen.Add(best);
            taken[best] = true;
            room -= words[best];
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
    // enough content terms first, then the rest, each taken while it still fits. Same picks, n log n instead of n².
    private List<int> SelectByScore(int take, int? wordBudget, ExtractiveOptions options)
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
        var chosen = new List<int>(Math.Min(take, count));
        var room = wordBudget ?? int.MaxValue;
        foreach (var i in order)
        {
            if (chosen.Count >= take)
            {
                break;
            }

            if (words[i] <= room)
            {
                chosen.Add(i);
                room -= words[i];
            }
        }

        return chosen;
    }

    private int Best(
        bool[] taken, double[] redundancy, ExtractiveOptions options, bool requireTerms, int room)
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

    // Smoothed IDF over the article's sentences. BM25's IDF (near zero for terms in most sentences) scored lower on
    // EASC dev (47.13 against 47.27 ROUGE-1 at a similar length), so it is not used.
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
        var n = (double)vectors.Length;
        for (var t = 0; t < terms; t++)
        {
            idf[t] = Math.Log(1.0 + (n / df[t]));
        }

        return idf;
    }

    // One pass over the sentences in order: a sentence is a repeat when its text equals an earlier one's or its
    // similarity to an earlier non-repeat reaches the threshold; its strongest edges feed PageRank.
    private static (bool[] Duplicate, double[] Centrality) DuplicatesAndCentrality(
        IReadOnlyList<Sentence> sentences, TermVector[] vectors, Postings postings, ExtractiveOptions options)
    {
        var n = vectors.Length;
        var duplicate = new bool[n];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var edgeStart = new int[n + 1];
        var edgeTarget = new List<int>(n * Math.Min(n, options.MaxNeighbours));
        var edgeWeight = new List<double>(edgeTarget.Capacity);
        var row = new Row(n);
        var candidates = new List<(float Weight, int Node)>();
        var strongest = new PriorityQueue<(float Weight, int Node), (float Weight, int Node)>(
            options.MaxNeighbours + 1, WeakestFirst.Instance);
        for (var i = 0; i < n; i++)
        {
            postings.AccumulateCandidates(i, row, options.MaxCandidates);
            duplicate[i] = !seen.Add(sentences[i].Text);
            candidates.Clear();
            foreach (var j in row.Touched)
            {
                var w = row.Values[j];
                if (j < i && !duplicate[j] && w >= options.DuplicateSimilarity)
                {
                    duplicate[i] = true;
                }

                if (w >= options.EdgeThreshold && !(j < i && duplicate[j]))
                {
                    candidates.Add(((float)w, j));
                }
            }

            row.Clear();
            if (!duplicate[i])
            {
                if (candidates.Count > options.MaxNeighbours)
                {
                    KeepStrongest(candidates, options.MaxNeighbours, strongest);
                }

                foreach (var (w, j) in candidates)
                {
                    edgeTarget.Add(j);
                    edgeWeight.Add(w);
                }
            }

            edgeStart[i + 1] = edgeTarget.Count;
        }

        return (duplicate, PageRank(edgeStart, edgeTarget, edgeWeight, duplicate, options.Damping));
    }

    // Keeps the k strongest candidates (ties to the earlier sentence), strongest first: a heap of k instead of
    // sorting every candidate, so a sentence with c candidates costs c log k, not c log c.
    private static void KeepStrongest(
        List<(float Weight, int Node)> candidates, int k,
        PriorityQueue<(float Weight, int Node), (float Weight, int Node)> strongest)
    {
        strongest.Clear();
        foreach (var candidate in candidates)
        {
            if (strongest.Count < k)
            {
                strongest.Enqueue(candidate, candidate);
            }
            else if (k > 0 && WeakestFirst.Instance.Compare(candidate, strongest.Peek()) > 0)
            {
                strongest.DequeueEnqueue(candidate, candidate);
            }
        }

        candidates.Clear();
        while (strongest.Count > 0)
        {
            candidates.Add(strongest.Dequeue());
        }

        candidates.Reverse();
    }

    // Weighted PageRank (TextRank/LexRank) by power iteration over each sentence's strongest edges: each iteration
    // is linear in the article's length. Edges into later sentences found to be repeats are dropped here.
    private static double[] PageRank(int[] edgeStart, List<int> edgeTargets, List<double> edgeWeights, bool[] duplicate, double d)
    {
        var n = duplicate.Length;
        var edgeTarget = CollectionsMarshal.AsSpan(edgeTargets);
        var edgeWeight = CollectionsMarshal.AsSpan(edgeWeights);
        for (var i = 0; i < n; i++)
        {
            var total = 0.0;
            for (var e = edgeStart[i]; e < edgeStart[i + 1]; e++)
            {
                if (duplicate[edgeTarget[e]])
                {
                    edgeWeight[e] = 0;
                }

                total += edgeWeight[e];
            }

            for (var e = edgeStart[i]; e < edgeStart[i + 1] && total > 0; e++)
            {
                edgeWeight[e] /= total; // Share of i's rank that flows to the target.
            }
        }

        var rank = new double[n];
        var next = new double[n];
        Array.Fill(rank, 1.0 / n);
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
        var titleVector = TermVector.FromIds(CollectionsMarshal.AsSpan(ids));
        titleVector.Weigh(idf);
        for (var i = 0; i < vectors.Length; i++)
        {
            result[i] = titleVector.Dot(vectors[i]);
        }

        return result;
    }

    /// <summary>Orders edges weakest first: lower weight, then (at equal weight) the later sentence.</summary>
    private sealed class WeakestFirst : IComparer<(float Weight, int Node)>
    {
        public static WeakestFirst Instance { get; } = new();

        public int Compare((float Weight, int Node) x, (float Weight, int Node) y) =>
            x.Weight != y.Weight ? x.Weight.CompareTo(y.Weight) : y.Node.CompareTo(x.Node);
    }

    /// <summary>A dense accumulator for one sentence's similarities, with the list of sentences it touched so that
    /// reading and clearing cost what the row holds, not the article's length.</summary>
    private sealed class Row(int n)
    {
        public double[] Values { get; } = new double[n];

        public List<int> Touched { get; } = [];

        public void Clear()
        {
            foreach (var j in Touched)
            {
                Values[j] = 0;
            }

            Touched.Clear();
        }
    }

    /// <summary>Term → (sentence, weight) postings in sentence order.</summary>
    private sealed class Postings
    {
        private readonly TermVector[] vectors;
        private readonly int[] start;
        private readonly int[] sentence;
        private readonly float[] weight;
        private readonly double[] dense;
        private readonly List<int> rarestFirst = [];

        public Postings(TermVector[] vectors, int terms)
        {
            this.vectors = vectors;
            start = new int[terms + 1];
            foreach (var vector in vectors)
            {
                foreach (var term in vector.Terms)
                {
                    start[term + 1]++;
                }
            }

            for (var t = 0; t < terms; t++)
            {
                start[t + 1] += start[t];
            }

            dense = new double[terms];
            var fill = start[..^1];
            sentence = new int[start[terms]];
            weight = new float[start[terms]];
            for (var s = 0; s < vectors.Length; s++)
            {
                var vector = vectors[s];
                for (var k = 0; k < vector.Terms.Length; k++)
                {
                    var slot = fill[vector.Terms[k]]++;
                    sentence[slot] = s;
                    weight[slot] = (float)vector.Weights[k];
                }
            }
        }

        /// <summary>Sets sentence <paramref name="i"/>'s cosine similarity to its candidate neighbours: every sentence
        /// sharing a term when there are at most <paramref name="maxCandidates"/> of them; otherwise the sentences
        /// sharing its rarest terms (highest IDF, so the strongest evidence of similarity), term by term until the
        /// cap is reached. Candidates get their cosine from the full vectors. The cost per sentence is then bounded by
        /// the cap and the rare terms' postings, not by Σ df over all its terms.</summary>
        public void AccumulateCandidates(int i, Row row, int maxCandidates)
        {
            if (vectors.Length - 1 <= maxCandidates)
            {
                Accumulate(i, row);
                return;
            }

            var vector = vectors[i];
            rarestFirst.Clear();
            for (var k = 0; k < vector.Terms.Length; k++)
            {
                rarestFirst.Add(k);
            }

            rarestFirst.Sort((a, b) =>
            {
                var dfA = start[vector.Terms[a] + 1] - start[vector.Terms[a]];
                var dfB = start[vector.Terms[b] + 1] - start[vector.Terms[b]];
                return dfA != dfB ? dfA.CompareTo(dfB) : a.CompareTo(b);
            });

            var values = row.Values;
            foreach (var k in rarestFirst)
            {
                if (row.Touched.Count >= maxCandidates)
                {
                    break;
                }

                var term = vector.Terms[k];
                for (var p = start[term]; p < start[term + 1]; p++)
                {
                    var j = sentence[p];
                    if (j != i && values[j] == 0)
                    {
                        values[j] = 1; // A candidate; its similarity is set below.
                        row.Touched.Add(j);
                    }
                }
            }

            for (var k = 0; k < vector.Terms.Length; k++)
            {
                dense[vector.Terms[k]] = vector.Weights[k];
            }

            foreach (var j in row.Touched)
            {
                var other = vectors[j];
                var sum = 0.0;
                for (var k = 0; k < other.Terms.Length; k++)
                {
                    sum += dense[other.Terms[k]] * other.Weights[k];
                }

                values[j] = sum;
            }

            foreach (var term in vector.Terms)
            {
                dense[term] = 0;
            }
        }

        /// <summary>Adds sentence <paramref name="i"/>'s cosine similarity to every other sentence sharing a term.</summary>
        public void Accumulate(int i, Row row)
        {
            var vector = vectors[i];
            var values = row.Values;
            for (var k = 0; k < vector.Terms.Length; k++)
            {
                var term = vector.Terms[k];
                var wi = vector.Weights[k];
                for (var p = start[term]; p < start[term + 1]; p++)
                {
                    var j = sentence[p];
                    if (j == i)
                    {
                        continue;
                    }

                    if (values[j] == 0)
                    {
                        row.Touched.Add(j);
                    }

                    values[j] += wi * weight[p];
                }
            }
        }
    }
}
