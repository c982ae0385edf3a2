using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace NewsSummarizer.Text;

/// <summary>Lucene's <see cref="ArabicAnalyzer"/> chain (standard tokenizer, lower case, Arabic stop words,
/// normalisation, light stemmer), term for term, with a lower-casing step that passes over what has no case and
/// normalisation and stemming remembered per word.</summary>
/// <remarks>Lucene's <c>LowerCaseFilter</c> walks every token code point by code point; on Arabic text, which has no
/// case, that was an eighth of the CPU of a whole <c>POST /api/summaries</c>. Tokens of ASCII and Arabic-block
/// characters are lowered here directly; any other token goes through Lucene's own lower-casing. Normalising and
/// stemming are pure functions of the word, and news text repeats its words, so each stream remembers the stems of
/// the last few thousand distinct words. The terms are the stock analyzer's (tests compare them).</remarks>
internal sealed class ArabicTermAnalyzer : Analyzer
{
    private static readonly CharArraySet StopWords = ArabicAnalyzer.DefaultStopSet;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream result = new CaselessFastLowerCaseFilter(source);
        result = new StopFilter(LuceneVersion.LUCENE_48, result, StopWords);
        return new TokenStreamComponents(source, new RememberedStemFilter(result));
    }

    /// <summary><see cref="ArabicNormalizationFilter"/> then <see cref="ArabicStemFilter"/>, with each word's result
    /// kept in a bounded table. Lucene reuses a stream per thread, so the table is never shared between threads.</summary>
    private sealed class RememberedStemFilter(TokenStream input) : TokenFilter(input)
    {
        private const int MaxRemembered = 4096;

        private readonly Lucene.Net.Analysis.Ar.ArabicNormalizer normalizer = new();
        private readonly ArabicStemmer stemmer = new();
        private readonly Dictionary<string, string> stems = new(StringComparer.Ordinal);
        private readonly ICharTermAttribute term = input.AddAttribute<ICharTermAttribute>();
        private readonly IKeywordAttribute keyword = input.AddAttribute<IKeywordAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (keyword.IsKeyword)
            {
                term.Length = normalizer.Normalize(term.Buffer, term.Length);
                return true;
            }

            // Normalising and stemming only shorten a word, so its stem always fits the term's buffer.
            var lookup = stems.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var stem))
            {
                stem.CopyTo(term.Buffer);
                term.Length = stem.Length;
                return true;
            }

            var original = new string(term.Buffer, 0, term.Length);
            var length = stemmer.Stem(term.Buffer, normalizer.Normalize(term.Buffer, term.Length));
            term.Length = length;
            if (stems.Count >= MaxRemembered)
            {
                stems.Clear();
            }

            stems[original] = new string(term.Buffer, 0, length);
            return true;
        }
    }

    private sealed class CaselessFastLowerCaseFilter(TokenStream input) : TokenFilter(input)
    {
        private readonly CharacterUtils characters = CharacterUtils.GetInstance(LuceneVersion.LUCENE_48);
        private readonly ICharTermAttribute term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var buffer = term.Buffer;
            var length = term.Length;
            for (var i = 0; i < length; i++)
            {
                var c = buffer[i];
                if (c is >= 'A' and <= 'Z')
                {
                    buffer[i] = (char)(c + 32);
                }
                else if (c >= 0x80 && c is not (>= '\u0600' and <= '\u06FF'))
                {
                    // Anything else (accented Latin, Greek, surrogate pairs...): Lucene's own rules for the whole
                    // token (lowering what is already lower changes nothing).
                    characters.ToLower(buffer, 0, length);
                    break;
                }
            }

            return true;
        }
    }
}
