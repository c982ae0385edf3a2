using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Text;

/// <summary>Turns text into stemmed content terms with Lucene.Net's language analyzers.</summary>
/// <remarks>Arabic uses <see cref="ArabicAnalyzer"/> (orthographic normalisation, light stemmer, stop words);
/// English uses <see cref="EnglishAnalyzer"/> (possessives, Porter stemmer, stop words). Lucene analyzers keep
/// per-thread token streams, so one instance is safe to share: use <see cref="Shared"/>.</remarks>
public sealed class TermAnalyzer : IDisposable
{
    private const string Field = "text";

    // Long articles are analysed in pieces of about this many characters (an EASC article is about 2,400).
    private const int ChunkCharacters = 8192;

    private readonly Analyzer arabic = new ArabicTermAnalyzer();
    private readonly Analyzer english = new EnglishAnalyzer(LuceneVersion.LUCENE_48);

    /// <summary>A process-wide instance; never disposed.</summary>
    public static TermAnalyzer Shared { get; } = new();

    /// <summary>Returns the content terms of <paramref name="text"/> in order.</summary>
    /// <param name="language"><see cref="ArticleLanguage.Arabic"/> or <see cref="ArticleLanguage.English"/>.</param>
    public IReadOnlyList<string> Analyze(string text, ArticleLanguage language)
    {
        var terms = new List<string>();
        Run(text, language, term => terms.Add(term.ToString()));
        return terms;
    }

    /// <summary>Appends the ids of <paramref name="text"/>'s terms to <paramref name="ids"/>, adding new terms to
    /// <paramref name="vocabulary"/>; avoids a string per token on the hot path.</summary>
    internal void AddTermIds(string text, ArticleLanguage language, Dictionary<string, int> vocabulary, List<int> ids)
    {
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = For(language).GetTokenStream(Field, Prepare(text, language));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            ids.Add(IdOf(lookup, vocabulary.Count, term.Buffer.AsSpan(0, term.Length)));
        }

        stream.End();
    }

    // A term's id in the article's vocabulary, adding it when new.
    private static int IdOf(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, int nextId, ReadOnlySpan<char> term)
    {
        if (!lookup.TryGetValue(term, out var id))
        {
            id = nextId;
            lookup[term] = id;
        }

        return id;
    }

    /// <summary>Analyses <paramref name="sentences"/> and appends their term ids to <paramref name="ids"/>;
    /// <paramref name="ends"/>[i] is where sentence i's ids end. Sentences are analysed a few thousand characters
    /// at a time, each chunk in one token stream with the sentences joined by line breaks (which no token crosses,
    /// so the terms are those of each sentence alone): few stream resets, and the text is never copied whole, so
    /// however long the article, no chunk reaches the large object heap unless one sentence is that long.</summary>
    internal void AddSentenceTermIds(
        IReadOnlyList<Sentence> sentences, ArticleLanguage language, Dictionary<string, int> vocabulary, List<int> ids, int[] ends)
    {
        var analyzer = For(language);
        var arabic = language == ArticleLanguage.Arabic;
        for (var first = 0; first < sentences.Count;)
        {
            var count = 0;
            for (var chars = 0; first + count < sentences.Count && (count == 0 || chars < ChunkCharacters); count++)
            {
                chars += sentences[first + count].Text.Length + 1;
            }

            var text = Joined(sentences, first, count, arabic);
            AddChunkTermIds(analyzer, text, vocabulary, ids, ends.AsSpan(first, count));
            first += count;
        }
    }

    // One chunk: text holds ends.Length sentences, each followed by a line break.
    private static void AddChunkTermIds(
        Analyzer analyzer, string text, Dictionary<string, int> vocabulary, List<int> ids, Span<int> ends)
    {
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = analyzer.GetTokenStream(Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var sentence = 0;
        var sentenceEnd = text.IndexOf('\n', StringComparison.Ordinal);
        while (stream.IncrementToken())
        {
            while (offset.StartOffset > sentenceEnd)
            {
                ends[sentence++] = ids.Count;
                sentenceEnd = text.IndexOf('\n', sentenceEnd + 1);
            }

            ids.Add(IdOf(lookup, vocabulary.Count, term.Buffer.AsSpan(0, term.Length)));
        }

        stream.End();
        while (sentence < ends.Length)
        {
            ends[sentence++] = ids.Count;
        }
    }

    // Sentences first..first+count one per line, normalised on the way when Arabic: one copy of the text.
    private static string Joined(IReadOnlyList<Sentence> sentences, int first, int count, bool arabic)
    {
        var length = 0;
        for (var i = first; i < first + count; i++)
        {
            length += (arabic ? ArabicNormalizer.NormalizedLength(sentences[i].Text) : sentences[i].Text.Length) + 1;
        }

        return string.Create(length, (sentences, first, count, arabic), static (buffer, state) =>
        {
            var written = 0;
            for (var i = state.first; i < state.first + state.count; i++)
            {
                var sentence = state.sentences[i].Text;
                if (state.arabic)
                {
                    written += ArabicNormalizer.NormalizeTo(sentence, buffer[written..]);
                }
                else
                {
                    sentence.CopyTo(buffer[written..]);
                    written += sentence.Length;
                }

                buffer[written++] = '\n';
            }
        });
    }

    public void Dispose()
    {
        arabic.Dispose();
        english.Dispose();
    }

    private void Run(string text, ArticleLanguage language, Action<string> onTerm)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var stream = For(language).GetTokenStream(Field, Prepare(text, language));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            onTerm(term.ToString());
        }

        stream.End();
    }

    // Lucene removes stop words before it normalises, so a voweled "فِي" would survive as a content term.
    private static string Prepare(string text, ArticleLanguage language) =>
        language == ArticleLanguage.Arabic ? ArabicNormalizer.Normalize(text) : text;

    private Analyzer For(ArticleLanguage language) => language switch
    {
        ArticleLanguage.Arabic => arabic,
        ArticleLanguage.English => english,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Only Arabic and English are analysed."),
    };
}
