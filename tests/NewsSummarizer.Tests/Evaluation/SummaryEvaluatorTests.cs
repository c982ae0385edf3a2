using NewsSummarizer.Articles;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Evaluation;

// The English path is checked here on generated news, without tuning on it; the figures on real English news
// (BBC News Summary, kept out of the repository) are in docs/quality.md, "English news check".
public sealed class SummaryEvaluatorTests
{
    private static readonly string[] Places = ["Leeds", "Porto", "Dayton", "Nantes", "Malmo", "Tulsa"];

    [Fact]
    public async Task EvaluateAsync_GeneratedEnglishNews_LengthMatchedLeadHasTheSummarysWords()
    {
        var documents = Places.Select((place, i) => GeneratedNews(place, i)).ToList();

        var report = await CreateSut().EvaluateAsync(documents, ArticleLanguage.English, 0.33, CancellationToken.None);

        var ours = report["Extractive"];
        var lead = report[SummaryEvaluator.LengthMatchedLeadName];
        Assert.Equal(ours.MeanWords, lead.MeanWords, 6);
        Assert.InRange(ours.Rouge.Rouge1.F1, 0.01, 1);
        Assert.InRange(lead.Rouge.Rouge1.F1, 0.01, 1);
        Assert.Equal(["Extractive", SummaryEvaluator.LengthMatchedLeadName, "Lead-1", "Lead-3", "Lead-0.33"], report.Systems.Select(s => s.System));
    }

    [Fact]
    public async Task ScoreDocumentsAsync_GeneratedEnglishNews_KeepsTheLeadSentenceAndScoresEachArticle()
    {
        var documents = Places.Select((place, i) => GeneratedNews(place, i)).ToList();

        var scores = await CreateSut().ScoreDocumentsAsync(documents, ArticleLanguage.English, 0.33, CancellationToken.None);

        Assert.Equal(documents.Select(d => d.Id), scores.Select(s => s.Id));
        var summarizer = new ExtractiveSummarizer();
        foreach (var document in documents)
        {
            var picked = summarizer.SelectSentences(new Article(document.Text, null, ArticleLanguage.English), new(Ratio: 0.33));
            Assert.Equal(0, picked[0].Index); // The news lead opens the summary.
        }

        Assert.All(scores, s => Assert.True(s.Words > 0 && s.Summary.Rouge1.F1 > 0));
    }

    // An inverted-pyramid story: the lead says what happened, the body adds detail, quotes and background.
    private static EvaluationDocument GeneratedNews(string place, int seed)
    {
        var buses = 20 + (seed * 7);
        string[] sentences =
        [
            $"The {place} city council approved a transport budget on Monday that adds {buses} electric buses and extends night service.",
            $"The buses will run on six routes from January, the council said in a statement.",
            $"\"This is the largest investment in public transport in a decade,\" the mayor of {place} told reporters.",
            $"Some residents asked for more cycling lanes instead, pointing to crowded bridges in the old town.",
            $"The council said cycling lanes would be discussed at its next meeting.",
            $"Drivers' unions welcomed the extra night service but warned that {buses} buses need more drivers than the city employs.",
            $"Critics said the budget relies on fares that may not rise as planned.",
            $"The plan takes effect after a public hearing in {place} next month.",
            $"{place} last renewed its bus fleet in 2012.",
        ];
        var text = string.Join('\n', sentences.Chunk(2).Select(p => string.Join(' ', p)));
        string[] references = [$"{sentences[0]}\n{sentences[5]}", $"{sentences[0]}\n{sentences[2]}", $"{sentences[1]}\n{sentences[6]}"];
        Assert.Equal(sentences.Length, SentenceSplitter.Split(text).Count);
        return new EvaluationDocument(place, text, references);
    }

    private static SummaryEvaluator CreateSut() => new(new ExtractiveSummarizer());
}
