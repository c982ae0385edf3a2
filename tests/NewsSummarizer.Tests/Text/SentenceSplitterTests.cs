using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_ArabicQuestionMarkAndFullStop_EndSentences() =>
        Assert.Equal(["هل وصل الوفد؟", "نعم وصل صباحا.", "وبدأت المحادثات۔", "ثم انتهت"],
            CreateSut("هل وصل الوفد؟ نعم وصل صباحا. وبدأت المحادثات۔ ثم انتهت"));

    [Fact]
    public void Split_ArabicCommaAndSemicolon_DoNotEndSentences() =>
        Assert.Equal(["قال الوزير، في بيان، إن المحادثات مستمرة؛ وستعقد جولة جديدة."],
            CreateSut("قال الوزير، في بيان، إن المحادثات مستمرة؛ وستعقد جولة جديدة."));

    [Fact]
    public void Split_NewLines_AreParagraphBoundaries()
    {
        var sentences = SentenceSplitter.Split("First line without a stop\nSecond line. Third one.\n\nFourth");

        Assert.Equal(["First line without a stop", "Second line.", "Third one.", "Fourth"], sentences.Select(s => s.Text));
        Assert.Equal([0, 1, 1, 2], sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 2, 3], sentences.Select(s => s.Index));
    }

    [Theory]
    [InlineData("Mr. Smith met Dr. Jones on Jan. 5 in the U.S. Capitol. They talked.")]
    [InlineData("Prices rose 3.5 percent to 1,000.25 dollars. They talked.")]
    [InlineData("Bring fruit, e.g. apples, and so on. They talked.")]
    [InlineData("The book by J. K. Rowling sold well. They talked.")]
    public void Split_AbbreviationsAndDecimals_DoNotEndSentences(string text) =>
        Assert.Equal(2, CreateSut(text).Count);

    [Fact]
    public void Split_SentenceEndInsideClosingQuote_StaysWithQuote() =>
        Assert.Equal(["He said “we will win.”", "She laughed."], CreateSut("He said “we will win.” She laughed."));

    [Fact]
    public void Split_ArabicGuillemets_StayWithSentence() =>
        Assert.Equal(["وقال «انتهى الأمر.»", "ثم غادر."], CreateSut("وقال «انتهى الأمر.» ثم غادر."));

    [Fact]
    public void Split_StraightQuoteAfterQuestionMark_StaysWithSentence() =>
        Assert.Equal(["She asked \"why?\"", "Nobody knew."], CreateSut("She asked \"why?\" Nobody knew."));

    [Fact]
    public void Split_LowerCaseAfterMark_DoesNotEndSentence() =>
        Assert.Single(CreateSut("\"Really?\" he asked, surprised."));

    [Fact]
    public void Split_NoSpaceAfterFullStop_KeepsTokenWhole() =>
        Assert.Single(CreateSut("قبل الميلاد (79 ق.م) ثار بركان فيزوف وزار example.com لاحقا."));

    // EASC articles (Wikipedia-derived) write "نوح.و تعني" and "الخشب .فالعود"; their human extracts split there.
    [Theory]
    [InlineData("يرجعه البعض إلى نوح.و تعني كلمة العود الخشب.", "يرجعه البعض إلى نوح.", "و تعني كلمة العود الخشب.")]
    [InlineData("في اللغة العربية الخشب .فالعود آلة وترية.", "في اللغة العربية الخشب .", "فالعود آلة وترية.")]
    [InlineData("وقد توفي في فيينا عام 1827م.وترك تسع سيمفونيات.", "وقد توفي في فيينا عام 1827م.", "وترك تسع سيمفونيات.")]
    [InlineData("هل وصل الوفد؟نعم وصل صباحا.", "هل وصل الوفد؟", "نعم وصل صباحا.")]
    [InlineData("وكان مُعجَبًا بِهِ.وقد زاره مرتين.", "وكان مُعجَبًا بِهِ.", "وقد زاره مرتين.")]
    public void Split_ArabicLetterRightAfterMark_EndsSentence(string text, string first, string second) =>
        Assert.Equal([first, second], CreateSut(text));

    [Theory]
    [InlineData("بني المعبد عام 79 ق.م وما زال قائما.")]
    [InlineData("راسلونا على ص.ب 1234 في دمشق.")]
    [InlineData("ألقى د.محمد كلمة الافتتاح.")]
    [InlineData("ألقى دُ.محمد كلمة الافتتاح.")]
    [InlineData("زاد الإنتاج ٣.٥ في المئة هذا العام.")]
    public void Split_ArabicAbbreviationOrNumberBeforeMark_DoesNotEndSentence(string text) =>
        Assert.Single(CreateSut(text));

    [Fact]
    public void Split_EtcFollowedByCapital_EndsSentence() =>
        Assert.Equal(2, CreateSut("They sold apples, pears, etc. The market closed.").Count);

    [Fact]
    public void Split_PunctuationOnlyAndBlankLines_YieldNothing() => Assert.Empty(CreateSut(" ...\n\n  \n!!"));

    private static List<string> CreateSut(string text) => SentenceSplitter.Split(text).Select(s => s.Text).ToList();
}
