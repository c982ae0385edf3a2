namespace NewsSummarizer.Summarization.Extractive;

/// <summary>The buckets of <see cref="ExtractiveOptions.PositionPrior"/>: the first <see cref="Leading"/> sentences
/// each have their own, the rest share <see cref="Spread"/> equal slices of the article by relative position.</summary>
public static class PositionPriorTable
{
    /// <summary>Sentences with a bucket of their own.</summary>
    public const int Leading = 3;

    /// <summary>Slices of relative position for the other sentences.</summary>
    public const int Spread = 5;

    /// <summary>How many values a table holds.</summary>
    public const int Length = Leading + Spread;

    /// <summary>The bucket of the <paramref name="index"/>-th of <paramref name="count"/> sentences.</summary>
    public static int Bucket(int index, int count)
    {
        if (index < Leading)
        {
            return index;
        }

        var relative = count <= 1 ? 0.0 : (double)index / (count - 1);
        return Leading + Math.Min(Spread - 1, (int)(relative * Spread));
    }
}
