using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace NewsSummarizer.Text;

/// <summary>Lucene's <see cref="ArabicAnalyzer"/> chain (standard tokenizer, lower case, Arabic stop words,
/// normalisation, light stemmer), term for term, with a lower-casing step that passes over what has no case.</summary>
/// <remarks>Lucene's <c>LowerCaseFilter</c> walks every token code point by code point; on Arabic text, which has no
/// case, that was an eighth of the CPU of a whole <c>POST /api/summaries</c>. Tokens of ASCII and Arabic-block
/// characters are lowered here directly; any other token goes through Lucene's own lower-casing, so the terms are
/// the stock analyzer's (a test compares them).</remarks>
internal sealed class ArabicTermAnalyzer : Analyzer
{
    private static readonly CharArraySet StopWords = ArabicAnalyzer.DefaultStopSet;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream result = new CaselessFastLowerCaseFilter(source);
        result = new StopFilter(LuceneVersion.LUCENE_48, result, StopWords);
        result = new ArabicNormalizationFilter(result);
        return new TokenStreamComponents(source, new ArabicStemFilter(result));
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
