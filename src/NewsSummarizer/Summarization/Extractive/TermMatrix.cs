namespace NewsSummarizer.Summarization.Extractive;

/// <summary>An article's sentences as sparse term vectors in one block (compressed rows: no object per sentence),
/// unit length once weighed. Terms are numbered rarest first (fewest sentences, then first seen), so every row
/// lists its rarest terms first, which is the order the neighbour search wants, without sorting per sentence.</summary>
internal sealed class TermMatrix
{
    private readonly int[] start;
    private readonly int[] terms;
    private readonly int[] frequencies;
    private readonly double[] weights;
    private readonly int[] tokenCounts;
    private readonly int[] idOf;

    private TermMatrix(int[] start, int[] terms, int[] frequencies, int[] tokenCounts, int[] documentFrequencies, int[] idOf)
    {
        this.start = start;
        this.terms = terms;
        this.frequencies = frequencies;
        this.tokenCounts = tokenCounts;
        this.idOf = idOf;
        DocumentFrequencies = documentFrequencies;
        weights = new double[start[^1]]; // terms and frequencies may be longer than the rows use.
    }

    /// <summary>The number of sentences.</summary>
    public int Rows => tokenCounts.Length;

    /// <summary>The number of distinct terms.</summary>
    public int Terms => DocumentFrequencies.Length;

    /// <summary>In how many sentences each term occurs.</summary>
    public int[] DocumentFrequencies { get; }

    /// <summary>Builds the matrix from each sentence's term ids in the article's vocabulary:
    /// <paramref name="ids"/>[ends[i - 1]..ends[i]] are sentence i's, repeats included.</summary>
    public static TermMatrix Build(ReadOnlySpan<int> ids, int[] ends, int vocabularySize)
    {
        var rows = ends.Length;

        // Document frequency by vocabulary id: a term counts once per sentence.
        var df = new int[vocabularySize];
        var lastRow = new int[vocabularySize];
        Array.Fill(lastRow, -1);
        for (var (row, p) = (0, 0); row < rows; row++)
        {
            for (; p < ends[row]; p++)
            {
                if (lastRow[ids[p]] != row)
                {
                    lastRow[ids[p]] = row;
                    df[ids[p]]++;
                }
            }
        }

        // Renumber terms rarest first, ties in vocabulary order: a counting sort by document frequency, which is
        // at most the number of sentences, so the cost is linear (no comparison sort over the vocabulary).
        var firstOfDf = new int[rows + 2];
        foreach (var f in df)
        {
            firstOfDf[f + 1]++;
        }

        for (var f = 1; f < firstOfDf.Length; f++)
        {
            firstOfDf[f] += firstOfDf[f - 1];
        }

        var idOf = new int[vocabularySize];
        var documentFrequencies = new int[vocabularySize];
        for (var id = 0; id < vocabularySize; id++)
        {
            var rank = firstOfDf[df[id]]++;
            idOf[id] = rank;
            documentFrequencies[rank] = df[id];
        }

        // Each row's distinct terms in the new order, with their counts.
        var start = new int[rows + 1];
        var terms = new int[ids.Length];
        var frequencies = new int[ids.Length];
        var tokenCounts = new int[rows];
        var filled = 0;
        for (var row = 0; row < rows; row++)
        {
            // The row is renumbered and sorted where its ids sit in terms, then compacted to the left: the write
            // position never passes the read position.
            var from = row == 0 ? 0 : ends[row - 1];
            var sentence = terms.AsSpan(from, ends[row] - from);
            for (var k = 0; k < sentence.Length; k++)
            {
                sentence[k] = idOf[ids[from + k]];
            }

            sentence.Sort();
            var previous = -1;
            for (var k = 0; k < sentence.Length; k++)
            {
                var term = sentence[k];
                if (term != previous)
                {
                    terms[filled++] = previous = term;
                }

                frequencies[filled - 1]++;
            }

            start[row + 1] = filled;
            tokenCounts[row] = sentence.Length;
        }

        return new TermMatrix(start, terms, frequencies, tokenCounts, documentFrequencies, idOf);
    }

    /// <summary>Sentence <paramref name="row"/>'s distinct terms, rarest first.</summary>
    public ReadOnlySpan<int> TermsOf(int row) => terms.AsSpan(start[row], start[row + 1] - start[row]);

    /// <summary>Sentence <paramref name="row"/>'s term weights, in the order of <see cref="TermsOf"/>.</summary>
    public ReadOnlySpan<double> WeightsOf(int row) => weights.AsSpan(start[row], start[row + 1] - start[row]);

    /// <summary>How many content terms sentence <paramref name="row"/> has, repeats included.</summary>
    public int TokenCount(int row) => tokenCounts[row];

    /// <summary>The matrix's id of a term the article's vocabulary numbers <paramref name="vocabularyId"/>.</summary>
    public int IdOf(int vocabularyId) => idOf[vocabularyId];

    /// <summary>Sets sublinear TF-IDF weights, each row scaled to unit length.</summary>
    public void Weigh(double[] idf)
    {
        for (var row = 0; row < Rows; row++)
        {
            var norm = 0.0;
            for (var p = start[row]; p < start[row + 1]; p++)
            {
                var w = (1 + Math.Log(frequencies[p])) * idf[terms[p]];
                weights[p] = w;
                norm += w * w;
            }

            norm = Math.Sqrt(norm);
            for (var p = start[row]; p < start[row + 1] && norm > 0; p++)
            {
                weights[p] /= norm;
            }
        }
    }

    /// <summary>Sentence <paramref name="row"/>'s dot product with a dense vector indexed by term.</summary>
    public double Dot(int row, double[] dense)
    {
        var from = start[row];
        var rowTerms = terms.AsSpan(from, start[row + 1] - from);
        var rowWeights = weights.AsSpan(from, rowTerms.Length);
        var sum = 0.0;
        for (var k = 0; k < rowTerms.Length; k++)
        {
            sum += dense[rowTerms[k]] * rowWeights[k];
        }

        return sum;
    }

    /// <summary>Every sentence's cosine similarity to <paramref name="query"/>, a dense vector indexed by term.</summary>
    public double[] Cosines(double[] query)
    {
        var result = new double[Rows];
        var norm = Math.Sqrt(query.Sum(w => w * w));
        for (var row = 0; row < Rows && norm > 0; row++)
        {
            result[row] = Dot(row, query) / norm;
        }

        return result;
    }
}
