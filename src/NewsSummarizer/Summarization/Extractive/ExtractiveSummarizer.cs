using NewsSummarizer.Articles;
using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Extractive;

/// <summary>The offline provider: scores each sentence by LexRank centrality (PageRank over a sparse cosine-similarity
/// graph) plus a news lead bias and a slow fade over the article, picks by maximal marginal relevance so that no two
/// picks say the same thing, and returns the picks in the article's order.</summary>
/// <remarks>It never translates or rewrites: it fills only the article's own language and lists the other one as
/// unavailable. Deterministic, thread-safe, no network. Weights: <see cref="ExtractiveOptions"/>.</remarks>
public sealed class ExtractiveSummarizer : ISummarizer
{
    private const int DefaultSentences = 3;

    private readonly ExtractiveOptions options;
    private readonly TermAnalyzer analyzer;

    public ExtractiveSummarizer()
        : this(ExtractiveOptions.Default)
    {
    }

    public ExtractiveSummarizer(ExtractiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        analyzer = TermAnalyzer.Shared;
    }

    public ModelProvider Provider => ModelProvider.Extractive;

    public string PromptVersion => "extractive-6";

    public Task<SummaryContent> SummarizeAsync(Article article, SummaryLength length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(length);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Summarize(article, length));
    }

    /// <summary>The summary's sentences, in the article's order (what <see cref="SummarizeAsync"/> joins).</summary>
    /// <exception cref="SummarizationException">The language is not Arabic or English, or there is no text.</exception>
    public IReadOnlyList<Sentence> SelectSentences(Article article, SummaryLength length)
    {
        var (_, sentences, graph) = Analyze(article);
        return InArticleOrder(sentences, Pick(graph, length, sentences.Count));
    }

    /// <summary>The article analysed once (sentences, similarity graph, features), for tuning: the weights in this
    /// summariser's options rescore it without rebuilding the graph.</summary>
    public PreparedArticle Prepare(Article article)
    {
        var (_, sentences, graph) = Analyze(article);
        return new PreparedArticle(sentences, graph);
    }

    /// <summary>What <see cref="SelectSentences(Article, SummaryLength)"/> returns, from an article prepared by a
    /// summariser whose options build the same graph; returns sentence indices in the article's order.</summary>
    public IReadOnlyList<int> SelectSentences(PreparedArticle prepared, SummaryLength length)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(length);
        return Pick(prepared.Graph.WithWeights(options), length, prepared.Sentences.Count).Order().ToList();
    }

    /// <summary>How many sentences a summary of an article with <paramref name="sentenceCount"/> sentences gets.</summary>
    public static int Budget(SummaryLength length, int sentenceCount)
    {
        ArgumentNullException.ThrowIfNull(length);
        if (length.Sentences is { } wanted)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wanted, 1, nameof(length));
            return Math.Min(wanted, sentenceCount);
        }

        if (length.Ratio is { } ratio)
        {
            if (ratio is <= 0 or > 1 || double.IsNaN(ratio))
            {
                throw new ArgumentOutOfRangeException(nameof(length), ratio, "The ratio must be in (0, 1].");
            }

            return Math.Clamp((int)Math.Round(ratio * sentenceCount, MidpointRounding.AwayFromZero), 1, sentenceCount);
        }

        var quarter = (int)Math.Round(sentenceCount / 4.0, MidpointRounding.AwayFromZero);
        return Math.Clamp(Math.Min(DefaultSentences, quarter), 1, Math.Max(1, sentenceCount));
    }

    private SummaryContent Summarize(Article article, SummaryLength length)
    {
        var (headline, sentences, graph) = Analyze(article);
        // By score alone for the title (any sentence may be the best short one); by MMR for the key points.
        var ranked = graph.Select(sentences.Count, options with { MmrLambda = 1 });
        var summary = InArticleOrder(sentences, Pick(graph, length, sentences.Count));
        var keyPoints = InArticleOrder(sentences, graph.Select(KeyPointCount(ranked.Count), options))
            .Select(s => KeyPoint(s.Text, options.KeyPointMaxWords))
            .ToList();
        var title = string.IsNullOrWhiteSpace(article.Title) ? headline ?? TitleFrom(sentences, ranked) : article.Title.Trim();
        var text = string.Join(" ", summary.Select(s => s.Text));

        var arabic = article.Language == ArticleLanguage.Arabic;
        var missing = arabic ? ArticleLanguage.English : ArticleLanguage.Arabic;
        return new SummaryContent(
            arabic ? new LocalizedText(title, null) : new LocalizedText(null, title),
            arabic ? new LocalizedText(text, null) : new LocalizedText(null, text),
            arabic ? new LocalizedList(keyPoints, []) : new LocalizedList([], keyPoints),
            new ModelUsage(Provider, "extractive", PromptVersion, null, null),
            [missing],
            UnavailableReason(missing));
    }

    // k sentences by score; a ratio below 1 sets the length in words instead (see WordTargetShare). An explicit
    // sentence count is honoured exactly.
    private List<int> Pick(SentenceRanker graph, SummaryLength length, int sentenceCount)
    {
        var k = Budget(length, sentenceCount);
        return length.Ratio is { } ratio && ratio < 1 && options.WordTargetShare > 0
            ? PickByWordTarget(graph, k, options.WordTargetShare * ratio * graph.Words.Take(sentenceCount).Sum())
            : graph.Select(k, options);
    }

    // The best sentences in score order, as many (within CountSpread of k) as bring the summary closest to the word
    // target: a ratio of the article's sentences says little about length when sentence lengths vary.
    private List<int> PickByWordTarget(SentenceRanker graph, int k, double targetWords)
    {
        var ranked = graph.Select(Math.Min(graph.Words.Count, k + options.CountSpread), options);
        int best = Math.Min(k, ranked.Count), words = 0;
        var bestDistance = double.MaxValue;
        for (var count = 1; count <= ranked.Count && count <= k + options.CountSpread; count++)
        {
            words += graph.Words[ranked[count - 1]];
            var distance = Math.Abs(words - targetWords);
            if (count >= k - options.CountSpread && distance < bestDistance)
            {
                (best, bestDistance) = (count, distance);
            }
        }

        return ranked.GetRange(0, Math.Max(1, best));
    }

    private (string? Headline, IReadOnlyList<Sentence> Sentences, SentenceRanker Graph) Analyze(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Language is not (ArticleLanguage.Arabic or ArticleLanguage.English))
        {
            throw new SummarizationException(
                "unsupported-language",
                $"The extractive summariser handles Arabic and English articles only (this one is '{WireNames.Of(article.Language)}'). "
                + "Summarising other languages needs a model provider: set Summarizer__Provider to AzureOpenAI or OpenAI.");
        }

        var text = article.Text ?? string.Empty;
        string? headline = null;
        if (string.IsNullOrWhiteSpace(article.Title) && Headline.TrySplit(text, options.TitleMaxWords, out var title, out var body))
        {
            (headline, text) = (title, body);
        }

        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count == 0)
        {
            throw new SummarizationException("empty-article", "The article has no text to summarise.");
        }

        var graph = SentenceRanker.Build(sentences, article.Language, headline ?? article.Title, options, analyzer);
        return (headline, sentences, graph);
    }

    private static string UnavailableReason(ArticleLanguage missing)
    {
        var name = missing == ArticleLanguage.English ? "English" : "Arabic";
        return $"The {name} version is not available: the Extractive provider selects sentences from the article and "
            + "does not translate. Set Summarizer__Provider to AzureOpenAI or OpenAI (with its endpoint settings) "
            + "to produce both Arabic and English.";
    }

    private static List<Sentence> InArticleOrder(IReadOnlyList<Sentence> sentences, IEnumerable<int> picked) =>
        picked.Order().Select(i => sentences[i]).ToList();

    // Three key points for short articles, up to five for long ones.
    private static int KeyPointCount(int available) => Math.Min(available, Math.Clamp(available / 4, 3, 5));

    private string TitleFrom(IReadOnlyList<Sentence> sentences, List<int> ranked)
    {
        foreach (var index in ranked)
        {
            if (Words.Count(sentences[index].Text) <= options.TitleMaxWords)
            {
                return sentences[index].Text.TrimEnd('.', '\u06D4');
            }
        }

        return Shorten(sentences[ranked[0]].Text, options.TitleMaxWords);
    }

    // A title too long to use whole ends at its last clause boundary within the limit, or failing that at the
    // limit's last word, marked as cut.
    private static string Shorten(string text, int maxWords) =>
        Clauses.Cut(text, maxWords)
        ?? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(maxWords)) + "\u2026";

    // A key point is a whole sentence, or its opening clauses when the sentence is longer than the limit; never a
    // cut mid-clause.
    private static string KeyPoint(string text, int maxWords) => Clauses.Cut(text, maxWords) ?? text;
}
