using NewsSummarizer.Evaluation;
using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Evaluation;

public sealed class LengthMatchedLeadTests
{
    private static readonly string[] Sentences = ["Police arrested two men on Monday.", "They were charged with theft — court said.", "A hearing is set for June."];

    [Fact]
    public void Cut_FewerWordsThanArticle_EndsAfterThatWordMidSentence()
    {
        Assert.Equal("Police arrested two men on Monday. They were", LengthMatchedLead.Cut(Sentences, 8));
    }

    [Fact]
    public void Cut_PunctuationOnlyTokens_AreNotWords()
    {
        var cut = LengthMatchedLead.Cut(Sentences, 11);

        Assert.Equal("Police arrested two men on Monday. They were charged with theft", cut);
        Assert.Equal("Police arrested two men on Monday. They were charged with theft — court", LengthMatchedLead.Cut(Sentences, 12));
    }

    [Fact]
    public void Cut_MoreWordsThanArticle_ReturnsWholeArticle()
    {
        Assert.Equal(string.Join(' ', Sentences), LengthMatchedLead.Cut(Sentences, 500));
    }

    [Fact]
    public void Cut_ArabicWords_CountsLikeWordsCount()
    {
        string[] arabic = ["أقر مجلس المدينة ميزانية جديدة.", "وتضيف الميزانية أربعين حافلة."];

        var cut = LengthMatchedLead.Cut(arabic, 7);

        Assert.Equal("أقر مجلس المدينة ميزانية جديدة. وتضيف الميزانية", cut);
        Assert.Equal(7, Words.Count(cut));
    }
}
