using NewsSummarizer.Articles;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Evaluation;

/// <summary>Fits <see cref="SentenceModel"/> on articles with reference summaries: least squares, each sentence
/// weighted by its ROUGE tokens, of the sentence's unigram precision against the references (the share of its
/// tokens, clipped by count, that a reference holds, averaged over the references) on its
/// <see cref="SentenceFeatures"/>. At a fixed summary length ROUGE-1 counts the summary's tokens found in the
/// references, so a sentence is worth about its length times that precision; the fit predicts it per token.</summary>
/// <remarks>No hyperparameters: the only regularisation is a ridge of 1e-6 per feature, for numerical stability.
/// Deterministic (sentences are visited in dataset order). Issue 16 third-round experiment (docs/quality.md): the
/// switches give the variants measured there (label: included in a reference, 80 % of the sentence's tokens in it,
/// instead of precision; weights per sentence instead of per token; logistic instead of least squares).</remarks>
public static class SentenceModelFit
{
    private const double Ridge = 1e-6;

    /// <summary>The model fitted on <paramref name="documents"/>.</summary>
    public static SentenceModel Fit(IReadOnlyList<EvaluationDocument> documents, string language, ExtractiveOptions graphOptions, bool included = false, bool unweighted = false, bool logistic = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(graphOptions);
        var rouge = SummaryEvaluator.CreateRouge(language);
        var preparer = new ExtractiveSummarizer(graphOptions);
        var width = SentenceFeatures.Count + 1;
        var xtx = new double[width, width];
        var xty = new double[width];
        var x = new double[width];
        var samples = new List<(double[] X, double Y, double W)>();
        foreach (var document in documents)
        {
            var prepared = preparer.Prepare(new Article(document.Text, null, language));
            var references = document.References.Select(r => Counts(rouge.Tokenize(r))).ToList();
            for (var i = 0; i < prepared.Sentences.Count; i++)
            {
                var tokens = rouge.Tokenize(prepared.Sentences[i].Text);
                if (tokens.Count == 0)
                {
                    continue;
                }

                var label = included ? references.Average(r => Precision(tokens, r) >= 0.8 ? 1.0 : 0.0) : references.Average(r => Precision(tokens, r));
                x[0] = 1;
                prepared.Features(i).CopyTo(x.AsSpan(1));
                double weight = unweighted ? 1 : tokens.Count;
                samples.Add(((double[])x.Clone(), label, weight));
                for (var a = 0; a < width; a++)
                {
                    xty[a] += weight * x[a] * label;
                    for (var b = 0; b < width; b++)
                    {
                        xtx[a, b] += weight * x[a] * x[b];
                    }
                }
            }
        }

        for (var a = 1; a < width; a++)
        {
            xtx[a, a] += Ridge;
        }

        var solution = logistic ? Logistic(samples, width) : Solve(xtx, xty);
        return SentenceModel.FromWeights(solution[0], solution[1..]);
    }

    /// <summary>The share of <paramref name="tokens"/>, clipped by count, found in a reference's token counts.</summary>
    internal static double Precision(IReadOnlyList<string> tokens, Dictionary<string, int> reference)
    {
        var own = Counts(tokens);
        var hits = 0;
        foreach (var (token, count) in own)
        {
            hits += Math.Min(count, reference.GetValueOrDefault(token));
        }

        return (double)hits / tokens.Count;
    }

    internal static Dictionary<string, int> Counts(IReadOnlyList<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }

    // Logistic regression of a share in [0, 1] by Newton's method (iteratively reweighted least squares).
    private static double[] Logistic(List<(double[] X, double Y, double W)> samples, int width)
    {
        var w = new double[width];
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var h = new double[width, width];
            var g = new double[width];
            foreach (var (x, y, weight) in samples)
            {
                var z = 0.0;
                for (var a = 0; a < width; a++)
                {
                    z += w[a] * x[a];
                }

                var p = 1 / (1 + Math.Exp(-z));
                for (var a = 0; a < width; a++)
                {
                    g[a] += weight * (y - p) * x[a];
                    for (var b = 0; b < width; b++)
                    {
                        h[a, b] += weight * p * (1 - p) * x[a] * x[b];
                    }
                }
            }

            for (var a = 1; a < width; a++)
            {
                h[a, a] += Ridge;
            }

            var step = Solve(h, g);
            for (var a = 0; a < width; a++)
            {
                w[a] += step[a];
            }
        }

        return w;
    }

    // Gaussian elimination with partial pivoting on a small symmetric system.
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var y = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                }

                (y[col], y[pivot]) = (y[pivot], y[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var c = col; c < n; c++)
                {
                    m[r, c] -= f * m[col, c];
                }

                y[r] -= f * y[col];
            }
        }

        var solution = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = y[r];
            for (var c = r + 1; c < n; c++)
            {
                sum -= m[r, c] * solution[c];
            }

            solution[r] = sum / m[r, r];
        }

        return solution;
    }
}
