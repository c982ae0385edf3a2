namespace NewsSummarizer.Summarization.Extractive;

/// <summary>A sentence's terms as a sparse vector, sorted by term id, unit length once weighed.</summary>
internal sealed class TermVector
{
    private readonly int[] frequencies;

    private TermVector(int[] terms, int[] frequencies, int tokenCount)
    {
        Terms = terms;
        this.frequencies = frequencies;
        Weights = new double[terms.Length];
        TokenCount = tokenCount;
    }

    public int[] Terms { get; }

    public double[] Weights { get; }

    /// <summary>How many content terms the sentence has, repeats included.</summary>
    public int TokenCount { get; }

    public static TermVector FromIds(ReadOnlySpan<int> ids)
    {
        var sorted = ids.ToArray();
        Array.Sort(sorted);
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        var terms = new int[distinct];
        var frequencies = new int[distinct];
        var k = -1;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                terms[++k] = sorted[i];
            }

            frequencies[k]++;
        }

        return new TermVector(terms, frequencies, sorted.Length);
    }

    /// <summary>Sets sublinear TF-IDF weights, scaled to unit length.</summary>
    public void Weigh(double[] idf)
    {
        var norm = 0.0;
        for (var k = 0; k < Terms.Length; k++)
        {
            var w = (1 + Math.Log(frequencies[k])) * idf[Terms[k]];
            Weights[k] = w;
            norm += w * w;
        }

        norm = Math.Sqrt(norm);
        for (var k = 0; k < Weights.Length && norm > 0; k++)
        {
            Weights[k] /= norm;
        }
    }

    public double Dot(TermVector other)
    {
        double sum = 0;
        int a = 0, b = 0;
        while (a < Terms.Length && b < other.Terms.Length)
        {
            var cmp = Terms[a].CompareTo(other.Terms[b]);
            if (cmp == 0)
            {
                sum += Weights[a++] * other.Weights[b++];
            }
            else if (cmp < 0)
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return sum;
    }
}
