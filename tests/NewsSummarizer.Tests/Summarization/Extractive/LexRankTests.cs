using NewsSummarizer.Articles;
using NewsSummarizer.Summarization.Extractive;
using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Summarization.Extractive;

public sealed class LexRankTests
{
    [Fact]
    public void Rank_RepeatedSentence_LaterCopyIsRepeatWithNoCentrality()
    {
        var (duplicate, centrality) = Rank(
            "The council approved the transport budget.",
            "Buses will run at night on six routes.",
            "The council approved the transport budget.");

        Assert.Equal([false, false, true], duplicate);
        Assert.Equal(0, centrality[2]);
    }

    [Fact]
    public void Rank_SentenceSharingMostTerms_IsMostCentral()
    {
        var (_, centrality) = Rank(
            "The council budget adds buses.",
            "The council budget extends night service.",
            "The council budget adds buses and extends night service for riders.",
            "Riders welcomed the buses.",
            "Night service starts in January.");

        Assert.Equal(1.0, centrality[2]);
        Assert.All(centrality, c => Assert.InRange(c, 0.0, 1.0));
    }

    [Fact]
    public void Rank_LongArticleOverTheCandidateCap_StillFindsRepeatsAndScalesCentrality()
    {
        var lines = Enumerable.Range(0, 60)
            .Select(i => $"Report {i} says the harbour plan {i % 7} needs pumps {i % 5} and pipes {i % 3}.")
            .Append("Report 5 says the harbour plan 5 needs pumps 0 and pipes 2.")
            .ToArray();

        var (duplicate, centrality) = Rank(lines);

        Assert.True(duplicate[^1]);
        Assert.Equal(1, duplicate.Count(d => d));
        Assert.Equal(1.0, centrality.Max());
        Assert.Equal(0, centrality[^1]);
    }

    [Fact]
    public void Rank_NearCopyAfterManySentencesSharingItsTerms_IsRepeat()
    {
        // Every term of the last two sentences is in the 25 before them, more than the candidate cap.
        var lines = Enumerable.Range(0, 25)
            .Select(i => $"Harbour pumps failed near dock{(char)('a' + i)}z.")
            .Append("Harbour pumps failed.")
            .Append("Harbour pumps failed!")
            .ToArray();

        var (duplicate, centrality) = Rank(lines);

        Assert.True(duplicate[^1]);
        Assert.False(duplicate[^2]);
        Assert.Equal(0, centrality[^1]);
    }

    private static (bool[] Duplicate, double[] Centrality) Rank(params string[] lines)
    {
        var sentences = SentenceSplitter.Split(string.Join("\n", lines));
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<int>();
        var ends = new int[sentences.Count];
        TermAnalyzer.Shared.AddSentenceTermIds(sentences, ArticleLanguage.English, vocabulary, ids, ends);
        var matrix = TermMatrix.Build(ids.ToArray(), ends, vocabulary.Count);
        matrix.Weigh(Enumerable.Range(0, matrix.Terms)
            .Select(t => Math.Log(1.0 + ((double)matrix.Rows / matrix.DocumentFrequencies[t])))
            .ToArray());
        var options = ExtractiveOptions.Default with { MaxCandidates = 8, MaxNeighbours = 4 };
        return LexRank.Rank(sentences, new Postings(matrix, options.MaxCandidates), options);
    }
}
