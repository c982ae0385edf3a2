using NewsSummarizer.Text;

namespace NewsSummarizer.Summarization.Extractive;

/// <summary>An article's sentences and similarity graph, built once by <see cref="ExtractiveSummarizer.Prepare"/>
/// so that tuning can rescore it under many weights. The graph stays internal to the summariser.</summary>
public sealed class PreparedArticle
{
    internal PreparedArticle(IReadOnlyList<Sentence> sentences, SentenceRanker graph)
    {
        Sentences = sentences;
        Graph = graph;
    }

    /// <summary>The article's sentences, in order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    internal SentenceRanker Graph { get; }
}
