using System.Globalization;
using NewsSummarizer.Articles;
using NewsSummarizer.Summarization;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;

namespace NewsSummarizer.Evaluation;

/// <summary>One system's mean scores over a dataset (ROUGE components in [0, 1]).</summary>
public sealed record SystemScores(string System, RougeScores Rouge, double MeanWords);

/// <summary>The evaluation table: a summariser against lead baselines.</summary>
public sealed record EvaluationReport(string Language, double Ratio, int Documents, IReadOnlyList<SystemScores> Systems);

/// <summary>Scores a summariser and the Lead-1, Lead-3 and Lead-ratio baselines against reference summaries.</summary>
/// <remarks>Every system sees the article through <see cref="SentenceSplitter"/>; Lead-ratio takes as many
/// leading sentences as <see cref="ExtractiveSummarizer.Budget"/> gives the summariser for the same ratio, so both
/// get the same number of sentences. Summaries are scored as one paragraph (one ROUGE-1.5.5 line) and references
/// line by line as stored, so ROUGE-L is summary-level LCS over those lines.</remarks>
public sealed class SummaryEvaluator
{
    private readonly ISummarizer summarizer;

    public SummaryEvaluator(ISummarizer summarizer)
    {
        ArgumentNullException.ThrowIfNull(summarizer);
        this.summarizer = summarizer;
    }

    public async Task<EvaluationReport> EvaluateAsync(
        IReadOnlyList<EvaluationDocument> documents, string language, double ratio, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rouge = new Rouge(stem: language == ArticleLanguage.English, arabic: language == ArticleLanguage.Arabic);
        var leadName = "Lead-" + ratio.ToString("0.##", CultureInfo.InvariantCulture);
        var systems = new[] { summarizer.Provider, "Lead-1", "Lead-3", leadName };
        var scores = systems.ToDictionary(s => s, _ => new List<(RougeScores Rouge, int Words)>());
        var length = new SummaryLength(Ratio: ratio);

        foreach (var document in documents)
        {
            var sentences = SentenceSplitter.Split(document.Text).Select(s => s.Text).ToList();
            var article = new Article(document.Text, null, language);
            var summary = await SummaryOf(article, length, cancellationToken).ConfigureAwait(false);

            var outputs = new Dictionary<string, IReadOnlyList<string>>
            {
                [summarizer.Provider] = summary,
                ["Lead-1"] = sentences.Take(1).ToList(),
                ["Lead-3"] = sentences.Take(3).ToList(),
                [leadName] = sentences.Take(ExtractiveSummarizer.Budget(length, sentences.Count)).ToList(),
            };
            foreach (var (system, output) in outputs)
            {
                // A summary is one paragraph, as the service writes it: one ROUGE "line".
                var text = string.Join(' ', output);
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

    // The extractive summariser exposes its sentences; for any other provider the summary's sentences are re-split.
    private async Task<IReadOnlyList<string>> SummaryOf(Article article, SummaryLength length, CancellationToken ct)
    {
        if (summarizer is ExtractiveSummarizer extractive)
        {
            return extractive.SelectSentences(article, length).Select(s => s.Text).ToList();
        }

        var content = await summarizer.SummarizeAsync(article, length, ct).ConfigureAwait(false);
        var text = (article.Language == ArticleLanguage.Arabic ? content.Summary.Ar : content.Summary.En) ?? string.Empty;
        return SentenceSplitter.Split(text).Select(s => s.Text).ToList();
    }
}
