using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Extractive;

/// <summary>Sentence centrality: weighted PageRank over a cosine-similarity graph in which each sentence keeps only
/// its strongest edges (LexRank with a threshold and continuous weights), and repeats found on the way.</summary>
internal static class LexRank
{
    private const int MaxIterations = 100;
    private const double Convergence = 1e-6;

    /// <summary>One pass over the sentences in order: a sentence is a repeat when its text equals an earlier one's
    /// or its similarity to an earlier non-repeat reaches <see cref="ExtractiveOptions.DuplicateSimilarity"/>; its
    /// strongest edges feed PageRank. Centrality is scaled so the most central sentence has 1; repeats have 0.</summary>
    public static (bool[] Duplicate, double[] Centrality) Rank(
        IReadOnlyList<Sentence> sentences, Postings postings, ExtractiveOptions options)
    {
        var n = sentences.Count;
        var duplicate = new bool[n];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var edgeStart = new int[n + 1];
        // A sentence has at most MaxNeighbours edges, and no more than its candidates.
        var most = n * Math.Clamp(Math.Min(Math.Min(n - 1, options.MaxNeighbours), Math.Max(options.MaxCandidates, 0)), 0, n);
        var edgeTarget = new int[most];
        var edgeWeight = new double[most];
        var edges = 0;
        var row = new SimilarityRow(n);
        var candidates = new long[n];
        for (var i = 0; i < n; i++)
        {
            postings.AccumulateCandidates(i, row);
            duplicate[i] = !seen.Add(sentences[i].Text);
            var count = 0;
            foreach (var j in row.Touched)
            {
                var w = row.Values[j];
                if (j < i && !duplicate[j] && w >= options.DuplicateSimilarity)
                {
                    duplicate[i] = true;
                }

                if (w >= options.EdgeThreshold && !(j < i && duplicate[j]))
                {
                    candidates[count++] = Edge((float)w, j);
                }
            }

            row.Clear();
            if (!duplicate[i])
            {
                foreach (var edge in Strongest(candidates.AsSpan(0, count), options.MaxNeighbours))
                {
                    edgeTarget[edges] = Target(edge);
                    edgeWeight[edges++] = Weight(edge);
                }
            }

            edgeStart[i + 1] = edges;
        }

        return (duplicate, PageRank(edgeStart, edgeTarget, edgeWeight, duplicate, options.Damping));
    }

    // An edge as one integer that orders by weight, then (at equal weight) earlier target first: a non-negative
    // float's bits order like the float, and the low half holds the target reversed.
    private static long Edge(float weight, int target) =>
        ((long)BitConverter.SingleToInt32Bits(weight) << 32) | (uint)(int.MaxValue - target);

    private static int Target(long edge) => int.MaxValue - unchecked((int)edge);

    private static float Weight(long edge) => BitConverter.Int32BitsToSingle((int)(edge >> 32));

    // All edges in the order found when there are at most k; otherwise the k strongest, strongest first, kept in
    // place by insertion (a sentence has at most MaxCandidates edges, so this beats sorting them all).
    private static ReadOnlySpan<long> Strongest(Span<long> edges, int k)
    {
        if (edges.Length <= k || k <= 0)
        {
            return k <= 0 ? [] : edges;
        }

        // edges[..kept] holds the strongest so far, strongest first; it never reaches past the edge being read.
        var kept = 0;
        for (var c = 0; c < edges.Length; c++)
        {
            var edge = edges[c];
            if (kept == k && edge <= edges[k - 1])
            {
                continue;
            }

            var slot = kept < k ? kept++ : k - 1;
            for (; slot > 0 && edges[slot - 1] < edge; slot--)
            {
                edges[slot] = edges[slot - 1];
            }

            edges[slot] = edge;
        }

        return edges[..kept];
    }

    // Weighted PageRank by power iteration over each sentence's strongest edges: each iteration is linear in the
    // article's length. Edges into later sentences found to be repeats are dropped here.
    private static double[] PageRank(int[] edgeStart, int[] edgeTarget, double[] edgeWeight, bool[] duplicate, double d)
    {
        var n = duplicate.Length;
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
                var share = d * rank[i];
                for (var e = edgeStart[i]; e < edgeStart[i + 1]; e++)
                {
                    next[edgeTarget[e]] += share * edgeWeight[e];
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
}
