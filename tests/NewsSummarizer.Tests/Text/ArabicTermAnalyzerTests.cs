using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Text;

/// <summary>The Arabic analyzer with its faster lower-casing gives Lucene's stock <see cref="ArabicAnalyzer"/>'s
/// terms, token for token: on the seed article, on EASC, and on the mixed scripts and cases a news text carries.</summary>
public sealed class ArabicTermAnalyzerTests
{
    public static TheoryData<string> Texts => new()
    {
        "وقال الرئيس الفرنسي ماكرون في باريس إن NATO و OTAN والاتحاد الأوروبي EU سيجتمعون يوم 12 مايو.",
        "ÉLYSÉE Élysée İstanbul ISTANBUL Straße STRASSE Ωμέγα ΣΊΣΥΦΟΣ Ǆemal ǅemal 𝐀𝐁𝐂 𐐀𐐁 ΑΒΓ",
        "Mixed عربي English ÀÉÎ and ١٢٣ numbers, e-mail x@y.com, URL https://Example.COM/Path?Q=1",
        "ﻻ ﷲ ﺍﻟﻠﻪ ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Terms_AnyScriptOrCase_AreTheStockAnalyzers(string text) =>
        Assert.Equal(Terms(new ArabicAnalyzer(LuceneVersion.LUCENE_48), text), Terms(new ArabicTermAnalyzer(), text));

    [Fact]
    public void Terms_ArabicSeedArticle_AreTheStockAnalyzers()
    {
        var text = SampleArticles.ArabicSeed;

        Assert.Equal(Terms(new ArabicAnalyzer(LuceneVersion.LUCENE_48), text), Terms(new ArabicTermAnalyzer(), text));
    }

    /// <summary>The stems the analyzer remembers per word: a second article through the same stream (words seen and
    /// unseen), and more distinct words than it keeps, still give the stock terms.</summary>
    [Fact]
    public void Terms_RepeatedAndManyDistinctWords_AreTheStockAnalyzers()
    {
        var seed = SampleArticles.ArabicSeed;
        var letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        var distinct = string.Join(' ', Enumerable.Range(0, 6000).Select(i =>
            "ال" + letters[i % letters.Length] + letters[i / letters.Length % letters.Length] + letters[i / (letters.Length * letters.Length) % letters.Length] + "ات"));
        using var stock = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        using var ours = new ArabicTermAnalyzer();

        foreach (var text in new[] { seed, "وقال الرئيس الفرنسي ماكرون في باريس إن NATO و OTAN والاتحاد الأوروبي EU سيجتمعون يوم 12 مايو.", seed, distinct, seed })
        {
            Assert.Equal(Read(stock, text), Read(ours, text));
        }
    }

    private static List<string> Terms(Analyzer analyzer, string text)
    {
        using (analyzer)
        {
            return Read(analyzer, text);
        }
    }

    private static List<string> Read(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
