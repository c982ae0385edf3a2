namespace NewsSummarizer.Summarization.Extractive;

/// <summary>An inverted index of an article's weighted sentence vectors: term → (sentence, weight) in sentence
/// order. It fills a sentence's similarity row without an n × n matrix: only sentences sharing a term cost anything.</summary>
internal sealed class Postings
{
    private readonly TermMatrix matrix;
    private readonly int[] start;
    private readonly int[] sentence;
    private readonly float[] weight;
    private readonly double[] dense;
    private readonly int maxCandidates;

    // Where each row's k-th term sits in that term's postings, slotOf[firstOfRow[row] + k]; only when candidates
    // are capped (more than maxCandidates other sentences).
    private readonly int[] firstOfRow = [];
    private readonly int[] slotOf = [];

    /// <param name="matrix">The article's weighted sentence vectors.</param>
    /// <param name="maxCandidates">How many candidate neighbours <see cref="AccumulateCandidates"/> gives a sentence
    /// at most; see <see cref="ExtractiveOptions.MaxCandidates"/>.</param>
    public Postings(TermMatrix matrix, int maxCandidates)
    {
        this.matrix = matrix;
        this.maxCandidates = maxCandidates;
        var df = matrix.DocumentFrequencies;
        start = new int[df.Length + 1];
        for (var t = 0; t < df.Length; t++)
        {
            start[t + 1] = start[t] + df[t];
        }

        dense = new double[df.Length];
        var fill = start[..^1];
        sentence = new int[start[^1]];
        weight = new float[start[^1]];
        if (Capped)
        {
            firstOfRow = new int[matrix.Rows + 1];
            slotOf = new int[start[^1]];
        }

        for (var s = 0; s < matrix.Rows; s++)
        {
            var terms = matrix.TermsOf(s);
            var weights = matrix.WeightsOf(s);
            for (var k = 0; k < terms.Length; k++)
            {
                var slot = fill[terms[k]]++;
                sentence[slot] = s;
                weight[slot] = (float)weights[k];
                if (Capped)
                {
                    slotOf[firstOfRow[s] + k] = slot;
                }
            }

            if (Capped)
            {
                firstOfRow[s + 1] = firstOfRow[s] + terms.Length;
            }
        }
    }

    /// <summary>Sets sentence <paramref name="i"/>'s cosine similarity to its candidate neighbours: every sentence
    /// sharing a term when the article has no more other sentences than the cap; otherwise the first cap-many
    /// sentences met walking its terms rarest first (highest IDF, so the strongest evidence of similarity; within a
    /// term, the nearest sentences first). Candidates get their cosine from the full vectors, so the cost per
    /// sentence is bounded by the cap, not by Σ df over all its terms.</summary>
    public void AccumulateCandidates(int i, SimilarityRow row)
    {
        if (!Capped)
        {
            Accumulate(i, row);
            return;
        }

        var terms = matrix.TermsOf(i);
        var values = row.Values;
        var touched = row.Touched;
        for (var k = 0; k < terms.Length && touched.Count < maxCandidates; k++) // Rarest first.
        {
            // The term's sentences outward from i, nearest first (ties to the earlier one): a repeat or a sentence on
            // the same point is usually close by, and no part of a long article is favoured.
            var from = start[terms[k]];
            var list = sentence.AsSpan(from, start[terms[k] + 1] - from);
            var at = slotOf[firstOfRow[i] + k] - from;
            for (int left = at - 1, right = at + 1; touched.Count < maxCandidates && (left >= 0 || right < list.Length);)
            {
                var j = right >= list.Length || (left >= 0 && i - list[left] <= list[right] - i) ? list[left--] : list[right++];
                if (values[j] == 0)
                {
                    values[j] = 1; // A candidate; its similarity is set below.
                    touched.Add(j);
                }
            }
        }

        var weights = matrix.WeightsOf(i);
        for (var k = 0; k < terms.Length; k++)
        {
            dense[terms[k]] = weights[k];
        }

        foreach (var j in row.Touched)
        {
            values[j] = matrix.Dot(j, dense);
        }

        foreach (var term in terms)
        {
            dense[term] = 0;
        }
    }

    // Whether the article has more sentences than a sentence may compare itself with.
    private bool Capped => matrix.Rows - 1 > maxCandidates;

    /// <summary>Adds sentence <paramref name="i"/>'s cosine similarity to every other sentence sharing a term.</summary>
    public void Accumulate(int i, SimilarityRow row)
    {
        var terms = matrix.TermsOf(i);
        var weights = matrix.WeightsOf(i);
        var values = row.Values;
        for (var k = 0; k < terms.Length; k++)
        {
            var term = terms[k];
            var wi = weights[k];
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
/// <summary>A dense accumulator for one sentence's similarities, with the list of sentences it touched so that
/// reading and clearing cost what the row holds, not the article's length.</summary>
internal sealed class SimilarityRow(int n)
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
