using System.Globalization;
using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;

namespace NewsSummarizer.Evaluation;

/// <summary>One system's mean scores over a dataset (ROUGE components in [0, 1]).</summary>
public sealed record SystemScores(string System, RougeScores Rouge, double MeanWords);

/// <summary>The evaluation table: a summariser against lead baselines.</summary>
public sealed record EvaluationReport(ArticleLanguage Language, double Ratio, int Documents, IReadOnlyList<SystemScores> Systems)
{
    /// <summary>The row of one system.</summary>
    public SystemScores this[string system] => Systems.Single(s => s.System == system);
}

/// <summary>One article's scores: the summary and the lead cut to the summary's word count.</summary>
public sealed record DocumentScores(string Id, RougeScores Summary, RougeScores LengthMatchedLead, int Words);

/// <summary>Scores a summariser against reference summaries, beside the lead cut to each summary's own word count
/// (<see cref="LengthMatchedLeadName"/>) and the Lead-1, Lead-3 and Lead-ratio baselines.</summary>
/// <remarks>Every system sees the article through <see cref="SentenceSplitter"/>; Lead-ratio takes as many
/// leading sentences as <see cref="ExtractiveSummarizer.Budget"/> gives the summariser for the same ratio.
/// The length-matched lead is the fair baseline: ROUGE F on these references rewards length, so a summariser must
/// beat the lead at its own length. Summaries are scored as one paragraph (one ROUGE-1.5.5 line) and references
/// line by line as stored, so ROUGE-L is summary-level LCS over those lines.</remarks>
public sealed class SummaryEvaluator
{
    /// <summary>The row of the lead cut, per article, to the summary's word count.</summary>
    public const string LengthMatchedLeadName = "Lead-matched";

    private readonly ISummarizer summarizer;
    private readonly IReadOnlyDictionary<string, string>? wordNetExceptions;

    /// <param name="summarizer">The system scored.</param>
    /// <param name="wordNetExceptions">For English: irregular forms looked up before stemming, as ROUGE-1.5.5 does
    /// (<see cref="WordNetExceptions"/>); without them English scores are a little lower than the official ones.</param>
    public SummaryEvaluator(ISummarizer summarizer, IReadOnlyDictionary<string, string>? wordNetExceptions = null)
    {
        ArgumentNullException.ThrowIfNull(summarizer);
        this.summarizer = summarizer;
        this.wordNetExceptions = wordNetExceptions;
    }

    /// <summary>The name of the Lead-ratio row, e.g. <c>Lead-0.33</c>.</summary>
    public static string LeadRatioName(double ratio) => "Lead-" + ratio.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The rows: the summariser, the lead at its length, Lead-1, Lead-3, Lead-ratio.</summary>
    public async Task<EvaluationReport> EvaluateAsync(
        IReadOnlyList<EvaluationDocument> documents, ArticleLanguage language, double ratio, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rouge = CreateRouge(language, wordNetExceptions);
        var leadName = LeadRatioName(ratio);
        var systems = new[] { summarizer.Provider.Name, LengthMatchedLeadName, "Lead-1", "Lead-3", leadName };
        var scores = systems.ToDictionary(s => s, _ => new List<(RougeScores Rouge, int Words)>());
        var length = new SummaryLength(Ratio: ratio);

        foreach (var document in documents)
        {
            var sentences = SentenceSplitter.Split(document.Text).Select(s => s.Text).ToList();
            var summary = string.Join(' ', await SummaryOf(document, language, length, cancellationToken).ConfigureAwait(false));
            var outputs = new Dictionary<string, string>
            {
                [summarizer.Provider.Name] = summary,
                [LengthMatchedLeadName] = LengthMatchedLead.Cut(sentences, Words.Count(summary)),
                ["Lead-1"] = string.Join(' ', sentences.Take(1)),
                ["Lead-3"] = string.Join(' ', sentences.Take(3)),
                [leadName] = string.Join(' ', sentences.Take(ExtractiveSummarizer.Budget(length, sentences.Count))),
            };
            foreach (var (system, text) in outputs)
            {
                // A summary is one paragraph, as the service writes it: one ROUGE "line".
                scores[system].Add((rouge.Score(text, document.References), Words.Count(text)));
            }
        }

        var table = systems
            .Select(s => new SystemScores(
                s,
                RougeScores.Mean(scores[s].Select(x => x.Rouge).ToList()),
                scores[s].Count == 0 ? 0 : scores[s].Average(x => x.Words)))
            .ToList();
        return new EvaluationReport(language, ratio, documents.Count, table);
    }

    /// <summary>Per article, the summary's scores and the length-matched lead's (what cross-validation averages
    /// over folds).</summary>
    public async Task<IReadOnlyList<DocumentScores>> ScoreDocumentsAsync(
        IReadOnlyList<EvaluationDocument> documents, ArticleLanguage language, double ratio, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rouge = CreateRouge(language, wordNetExceptions);
        var length = new SummaryLength(Ratio: ratio);
        var results = new List<DocumentScores>(documents.Count);
        foreach (var document in documents)
        {
            var sentences = SentenceSplitter.Split(document.Text).Select(s => s.Text).ToList();
            var summary = string.Join(' ', await SummaryOf(document, language, length, cancellationToken).ConfigureAwait(false));
            var words = Words.Count(summary);
            results.Add(new DocumentScores(
                document.Id,
                rouge.Score(summary, document.References),
                rouge.Score(LengthMatchedLead.Cut(sentences, words), document.References),
                words));
        }

        return results;
    }

    internal static Rouge CreateRouge(ArticleLanguage language, IReadOnlyDictionary<string, string>? wordNetExceptions = null) =>
        new(
            stem: language == ArticleLanguage.English,
            arabic: language == ArticleLanguage.Arabic,
            exceptions: language == ArticleLanguage.English ? wordNetExceptions : null);

    // The extractive summariser exposes its sentences; for any other provider the summary's sentences are re-split.
    private async Task<IReadOnlyList<string>> SummaryOf(
        EvaluationDocument document, ArticleLanguage language, SummaryLength length, CancellationToken ct)
    {
        var article = new Article(document.Text, document.Title, language);
        if (summarizer is ExtractiveSummarizer extractive)
        {
            return extractive.SelectSentences(article, length).Select(s => s.Text).ToList();
        }

        var content = await summarizer.SummarizeAsync(article, length, ct).ConfigureAwait(false);
        var text = (language == ArticleLanguage.Arabic ? content.Summary.Ar : content.Summary.En) ?? string.Empty;
        return SentenceSplitter.Split(text).Select(s => s.Text).ToList();
    }
}
