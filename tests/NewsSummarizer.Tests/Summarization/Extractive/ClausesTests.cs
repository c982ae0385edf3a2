using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Tests.Summarization.Extractive;

public sealed class ClausesTests
{
    [Fact]
    public void Cut_SentenceWithinLimit_ReturnsItWhole()
    {
        const string sentence = "The council approved the budget, and the mayor signed it.";

        Assert.Equal(sentence, Clauses.Cut(sentence, 35));
    }

    [Fact]
    public void Cut_LongEnglishSentence_EndsAtLastClauseBoundaryWithinLimit()
    {
        const string sentence = "The council approved the budget on Monday, after a long debate about fares; "
            + "the mayor said the new buses would run from January on six routes across the city.";

        var cut = Clauses.Cut(sentence, 14);

        Assert.Equal("The council approved the budget on Monday, after a long debate about fares", cut);
    }

    [Fact]
    public void Cut_LongArabicSentence_EndsAtArabicComma()
    {
        const string sentence = "أقر مجلس المدينة ميزانية جديدة للنقل العام، وقال رئيس البلدية إن الحافلات الجديدة ستعمل في يناير على ستة خطوط في أنحاء المدينة";

        var cut = Clauses.Cut(sentence, 10);

        Assert.Equal("أقر مجلس المدينة ميزانية جديدة للنقل العام", cut);
    }

    [Fact]
    public void Cut_ArabicSemicolon_IsABoundary()
    {
        const string sentence = "ارتفعت أسعار النفط في الأسواق العالمية اليوم؛ وتوقع المحللون أن تستمر الزيادة حتى نهاية الشهر المقبل";

        Assert.Equal("ارتفعت أسعار النفط في الأسواق العالمية اليوم", Clauses.Cut(sentence, 10));
    }

    [Fact]
    public void Cut_NoBoundaryWithinLimit_ReturnsNull()
    {
        const string sentence = "The council approved the new budget for public transport after a long debate about fares and routes, "
            + "and the mayor signed it.";

        Assert.Null(Clauses.Cut(sentence, 10));
    }

    [Fact]
    public void Cut_CommaInsideNumber_IsNotABoundary()
    {
        const string sentence = "The city will buy 1,200 new buses and hire drivers for the night routes over the next three years.";

        Assert.Null(Clauses.Cut(sentence, 8));
    }

    [Fact]
    public void Cut_CommaInsideQuotation_IsNotABoundary()
    {
        const string sentence = "The ministry said that “the minister discussed the crisis, the talks and the aid” and that a further meeting would follow in Geneva next week.";

        Assert.Null(Clauses.Cut(sentence, 20));
    }

    [Fact]
    public void Cut_OpeningUnderAThirdOfTheLimit_IsAFragmentNotUsed()
    {
        const string sentence = "وذكرت وزارة الخارجية الأميركية، في بيان، أن وزير الخارجية تحدث اليوم مع نظيره التركي حول التنسيق المستمر بشأن التصعيد في أوكرانيا والمحادثات المقبلة بين البلدين في جنيف";

        Assert.Null(Clauses.Cut(sentence, 24));
    }

    [Fact]
    public void Cut_OpeningTooShort_IsNotUsed()
    {
        const string sentence = "Today, the city council approved a new budget for public transport after a long debate about fares.";

        Assert.Null(Clauses.Cut(sentence, 10));
    }
}
