using System.Text;
using NewsSummarizer.Text;

namespace NewsSummarizer.Evaluation;

/// <summary>ROUGE-1/2/L as ROUGE-1.5.5 computes them (-n 2 -m for English, F with alpha 0.5).</summary>
/// <remarks>
/// Tokens: lower case, every character other than a-z and 0-9 becomes a space; with stemming, tokens longer than
/// three characters go through the Porter stemmer (ROUGE-1.5.5 stems only those). For Arabic both sides are
/// normalised with <see cref="ArabicNormalizer"/> first and any Unicode letter or digit counts as alphanumeric.
/// ROUGE-L is summary-level: the union LCS of each reference sentence against all candidate sentences, with hits
/// clipped by token counts. Several references are averaged per measure (precision, recall and F1 each).
/// </remarks>
public sealed class Rouge
{
    private readonly bool stem;
    private readonly bool arabic;
    private readonly IReadOnlyDictionary<string, string>? exceptions;

    /// <param name="stem">Porter-stem English tokens longer than three characters (ROUGE-1.5.5 <c>-m</c>).</param>
    /// <param name="arabic">Normalise Arabic spelling and keep Arabic letters as alphanumeric.</param>
    /// <param name="exceptions">Irregular forms looked up before stemming, as ROUGE-1.5.5 does with its WordNet
    /// exception database (see <see cref="WordNetExceptions"/>); without them "said" does not match "say".</param>
    public Rouge(bool stem = true, bool arabic = false, IReadOnlyDictionary<string, string>? exceptions = null)
    {
        this.stem = stem;
        this.arabic = arabic;
        this.exceptions = exceptions;
    }

    /// <summary>Scores a candidate against references; each is a list of sentences (lines in ROUGE-1.5.5).</summary>
    public RougeScores Score(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            throw new ArgumentException("At least one reference is needed.", nameof(references));
        }

        var candidateSentences = candidate.Select(Tokenize).ToList();
        var scores = new List<RougeScores>(references.Count);
        foreach (var reference in references)
        {
            scores.Add(ScoreOne(candidateSentences, reference.Select(Tokenize).ToList()));
        }

        return RougeScores.Mean(scores);
    }

    /// <summary>Scores texts whose lines are the sentences.</summary>
    public RougeScores Score(string candidate, params IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(references);
        return Score(Lines(candidate), references.Select(Lines).ToList());
    }

    /// <summary>The tokens ROUGE compares.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (arabic)
        {
            text = ArabicNormalizer.Normalize(text);
        }

        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var keep = lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (arabic && char.IsLetterOrDigit(lower));
            cleaned.Append(keep ? lower : ' ');
        }

        var tokens = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (stem)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = tokens[i].Length <= 3 ? tokens[i]
                    : exceptions is not null && exceptions.TryGetValue(tokens[i], out var lemma) ? lemma
                    : PorterStem.Stem(tokens[i]);
            }
        }

        return tokens;
    }

    private static IReadOnlyList<string> Lines(string text) =>
        text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static RougeScores ScoreOne(List<IReadOnlyList<string>> candidate, List<IReadOnlyList<string>> reference)
    {
        var candidateTokens = candidate.SelectMany(s => s).ToList();
        var referenceTokens = reference.SelectMany(s => s).ToList();
        return new RougeScores(
            NGramScore(candidateTokens, referenceTokens, 1),
            NGramScore(candidateTokens, referenceTokens, 2),
            LcsScore(candidate, reference, candidateTokens.Count, referenceTokens.Count));
    }

    private static RougeScore NGramScore(List<string> candidate, List<string> reference, int n)
    {
        var candidateGrams = NGrams(candidate, n);
        var referenceGrams = NGrams(reference, n);
        var hits = 0;
        foreach (var (gram, count) in candidateGrams)
        {
            if (referenceGrams.TryGetValue(gram, out var referenceCount))
            {
                hits += Math.Min(count, referenceCount);
            }
        }

        return RougeScore.From(hits, Math.Max(0, candidate.Count - n + 1), Math.Max(0, reference.Count - n + 1));
    }

    private static Dictionary<string, int> NGrams(List<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    // Summary-level LCS (Lin 2004, section 3.2) with ROUGE-1.5.5's clipping of hits by remaining token counts.
    private static RougeScore LcsScore(
        List<IReadOnlyList<string>> candidate, List<IReadOnlyList<string>> reference, int candidateCount, int referenceCount)
    {
        var candidateLeft = CountTokens(candidate);
        var referenceLeft = CountTokens(reference);
        var hits = 0;
        foreach (var referenceSentence in reference)
        {
            var union = new SortedSet<int>();
            foreach (var candidateSentence in candidate)
            {
                union.UnionWith(LcsPositions(referenceSentence, candidateSentence));
            }

            foreach (var position in union)
            {
                var token = referenceSentence[position];
                if (candidateLeft.GetValueOrDefault(token) > 0 && referenceLeft.GetValueOrDefault(token) > 0)
                {
                    hits++;
                    candidateLeft[token]--;
                    referenceLeft[token]--;
                }
            }
        }

        return RougeScore.From(hits, candidateCount, referenceCount);
    }

    private static Dictionary<string, int> CountTokens(List<IReadOnlyList<string>> sentences)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in sentences.SelectMany(s => s))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }

    // Positions in reference of one longest common subsequence with candidate.
    private static List<int> LcsPositions(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        int m = reference.Count, n = candidate.Count;
        var table = new int[m + 1, n + 1];
        for (var i = 1; i <= m; i++)
        {
            for (var j = 1; j <= n; j++)
            {
                table[i, j] = string.Equals(reference[i - 1], candidate[j - 1], StringComparison.Ordinal)
                    ? table[i - 1, j - 1] + 1
                    : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        var positions = new List<int>(table[m, n]);
        for (int i = m, j = n; i > 0 && j > 0;)
        {
            if (string.Equals(reference[i - 1], candidate[j - 1], StringComparison.Ordinal))
            {
                positions.Add(i - 1);
                i--;
                j--;
            }
            else if (table[i - 1, j] >= table[i, j - 1])
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        positions.Reverse();
        return positions;
    }
}
