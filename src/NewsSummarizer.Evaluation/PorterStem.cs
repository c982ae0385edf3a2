using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsSummarizer.Evaluation;

/// <summary>Porter stemming (cached).</summary>
/// <remarks>Lucene's <see cref="PorterStemFilter"/> runs Martin Porter's reference algorithm, the one ROUGE-1.5.5's
/// Perl stemmer implements; one token at a time through a keyword tokenizer.</remarks>
internal static class PorterStem
{
    // Evaluation sees the same words over and over.
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    private static readonly Analyzer Stemmer = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new KeywordTokenizer(reader);
        return new TokenStreamComponents(source, new PorterStemFilter(source));
    });

    public static string Stem(string token)
    {
        return Cache.GetOrAdd(token, static t =>
        {
            using var stream = Stemmer.GetTokenStream(string.Empty, t);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var stem = stream.IncrementToken() ? term.ToString() : t;
            stream.End();
            return stem;
        });
    }
}
