using System.Text;
using NewsSummarizer.Articles;

namespace NewsSummarizer.Tests.Articles;

public sealed class ArticleReaderTests
{
    private const string Paragraph =
        "The minister said on Monday that the new budget will fund schools and hospitals across the country, " +
        "and that parliament will vote on it next week after a long debate.";

    static ArticleReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Read_Utf8Text_AcceptsWithUtf8()
    {
        var result = CreateSut().Read(Encoding.UTF8.GetBytes(SampleTexts.English), "a.txt", "text/plain");

        Assert.True(result.IsAccepted);
        Assert.Equal("utf-8", result.Encoding);
        Assert.Equal(ArticleLanguage.English, result.Article.Language);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Read_TextWithBom_RecordsEncoding(string expected)
    {
        var encoding = expected switch
        {
            "utf-8-bom" => (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "utf-16le" => Encoding.Unicode,
            _ => Encoding.BigEndianUnicode,
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(SampleTexts.Arabic)).ToArray();

        var result = CreateSut().Read(bytes, "a.txt", null);

        Assert.True(result.IsAccepted);
        Assert.Equal(expected, result.Encoding);
        Assert.Equal(ArticleLanguage.Arabic, result.Article.Language);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Read_Utf16WithoutBom_DetectsByteOrder(bool bigEndian, string expected)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(SampleTexts.Mixed);

        var result = CreateSut().Read(bytes, "a.txt", null);

        Assert.True(result.IsAccepted);
        Assert.Equal(expected, result.Encoding);
    }

    [Theory]
    [InlineData(1256, "windows-1256")]
    [InlineData(28596, "iso-8859-6")]
    public void Read_LegacyArabicCodePage_DecodesArabic(int codePage, string expected)
    {
        var result = CreateSut().Read(Encoding.GetEncoding(codePage).GetBytes(SampleTexts.Arabic), "a.txt", null);

        Assert.True(result.IsAccepted);
        Assert.Equal(expected, result.Encoding);
        Assert.Equal(ArticleLanguage.Arabic, result.Article.Language);
        Assert.Equal(ArticleText.Normalize(SampleTexts.Arabic), result.Article.Text);
    }

    [Fact]
    public void Read_SameTextInDifferentEncodings_HashesAlike()
    {
        var sut = CreateSut();

        var utf8 = sut.Read(Encoding.UTF8.GetBytes(SampleTexts.Arabic), "a.txt", null);
        var legacy = sut.Read(Encoding.GetEncoding(1256).GetBytes(SampleTexts.Arabic), "b.txt", null);

        Assert.Equal(utf8.Sha256, legacy.Sha256);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A })]
    public void Read_NoText_RejectsEmpty(byte[] bytes)
    {
        var result = CreateSut().Read(bytes, "a.txt", null);

        Assert.Equal(ArticleErrorCodes.Empty, result.Rejection?.Code);
    }

    [Fact]
    public void Read_FewerWordsThanMinimum_RejectsTooShortWithHash()
    {
        var result = CreateSut().Read("Only five words are here."u8.ToArray(), "a.txt", null);

        Assert.Equal(ArticleErrorCodes.TooShort, result.Rejection?.Code);
        Assert.Contains("5 words", result.Rejection?.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Sha256);
    }

    [Theory]
    [InlineData("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30")]
    [InlineData("https://example.com/a https://example.com/b www.example.org/c news@example.com https://example.com/d " +
        "https://example.com/e https://example.com/f https://example.com/g https://example.com/h https://example.com/i " +
        "https://example.com/j https://example.com/k https://example.com/l https://example.com/m https://example.com/n " +
        "https://example.com/o https://example.com/p https://example.com/q https://example.com/r https://example.com/s")]
    public void Read_OnlyNumbersOrLinks_RejectsTooShort(string text)
    {
        var result = CreateSut().Read(Encoding.UTF8.GetBytes(text), "a.txt", null);

        Assert.Equal(ArticleErrorCodes.TooShort, result.Rejection?.Code);
        Assert.Contains(" 0 words", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SavedNewsPageOverTheArticleLimit_IsReadForItsText()
    {
        // A saved page: megabytes of scripts and navigation around a few KB of article (issue 23: Guardian, Yahoo).
        var page = "<html><head><title>Budget</title><script>" + new string('x', 2 * 1024 * 1024) + "</script></head><body><nav>" +
            string.Concat(Enumerable.Repeat("<a href=\"/section\">Section</a> ", 2_000)) + "</nav><article><p>" + Paragraph + "</p><p>" + Paragraph + "</p></article></body></html>";

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(page), "saved/page.html", null);

        Assert.True(result.IsAccepted, result.Rejection?.Message);
        Assert.Contains("minister", result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HtmlPageOverItsOwnLimit_RejectsTooLargeNamingTheSetting()
    {
        var page = "<html><body><p>" + Paragraph + "</p><!--" + new string('x', 9 * 1024 * 1024) + "--></body></html>";

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(page), "saved/page.html", null);

        Assert.Equal(ArticleErrorCodes.TooLarge, result.Rejection?.Code);
        Assert.Contains("Summarizer__MaxHtmlBytes", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HtmlWhoseTextIsOverTheArticleLimit_RejectsTooLarge()
    {
        var page = "<html><body><article>" + string.Concat(Enumerable.Repeat("<p>" + Paragraph + "</p>", 1_200_000 / Paragraph.Length)) + "</article></body></html>";

        var result = CreateSut(maxBytes: 1024 * 1024).Read(Encoding.UTF8.GetBytes(page), "saved/page.html", null);

        Assert.Equal(ArticleErrorCodes.TooLarge, result.Rejection?.Code);
        Assert.Contains("once extracted", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreBytesThanLimit_RejectsTooLarge()
    {
        var result = CreateSut(maxBytes: 2048).Read(new byte[2049], "a.txt", null);

        Assert.Equal(ArticleErrorCodes.TooLarge, result.Rejection?.Code);
        Assert.Contains("Summarizer__MaxArticleBytes", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExactlyTheLimit_Accepts()
    {
        var text = Encoding.UTF8.GetBytes(SampleTexts.English);
        var padded = text.Concat(Enumerable.Repeat((byte)' ', 2048 - text.Length)).ToArray();

        Assert.True(CreateSut(maxBytes: 2048).Read(padded, "a.txt", null).IsAccepted);
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("image")]
    public void Read_PngBytes_RejectsUnsupportedFormat(string name)
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        var result = CreateSut().Read(png, name, "image/png");

        Assert.Equal(ArticleErrorCodes.UnsupportedFormat, result.Rejection?.Code);
        Assert.Contains("PNG", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZipBytes_RejectsUnsupportedFormat()
    {
        var result = CreateSut().Read(new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0 }, "a.json", null);

        Assert.Equal(ArticleErrorCodes.UnsupportedFormat, result.Rejection?.Code);
    }

    [Fact]
    public void Read_BinaryExtension_RejectsUnsupportedFormat()
    {
        var result = CreateSut().Read(Encoding.UTF8.GetBytes(SampleTexts.English), "report.doc", "application/msword");

        Assert.Equal(ArticleErrorCodes.UnsupportedFormat, result.Rejection?.Code);
    }

    [Fact]
    public void Read_NulBytes_RejectsBinaryContent()
    {
        var bytes = Encoding.UTF8.GetBytes(SampleTexts.English).Concat(new byte[] { 0, 0, 0, 1, 0, 0, 0, 2 }).ToArray();

        Assert.Equal(ArticleErrorCodes.BinaryContent, CreateSut().Read(bytes, "a.txt", null).Rejection?.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC0, 0xAF, 0x62 })]
    [InlineData(new byte[] { 0x61, 0xE0, 0x80, 0xAF, 0x62 })]
    [InlineData(new byte[] { 0x61, 0xFF, 0xFE, 0xFD, 0x62, 0x63 })]
    public void Read_InvalidUtf8_RejectsUnsupportedEncoding(byte[] bad)
    {
        var bytes = Encoding.UTF8.GetBytes(SampleTexts.English).Concat(bad).ToArray();

        Assert.Equal(ArticleErrorCodes.UnsupportedEncoding, CreateSut().Read(bytes, "a.txt", null).Rejection?.Code);
    }

    [Fact]
    public void Read_Mojibake_RejectsGarbledText()
    {
        var mojibake = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(SampleTexts.Arabic));

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(mojibake), "a.txt", null);

        Assert.Equal(ArticleErrorCodes.GarbledText, result.Rejection?.Code);
    }

    [Fact]
    public void Read_Markdown_RendersPlainTextWithHeadingAsTitle()
    {
        var markdown = $"# Budget passes\n\nThe **minister** said [on Monday](https://example.com) that:\n\n- {Paragraph}\n- second point\n";

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(markdown), "news/a.md", null);

        Assert.True(result.IsAccepted);
        Assert.Equal("Budget passes", result.Article.Title);
        Assert.DoesNotContain("**", result.Article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", result.Article.Text, StringComparison.Ordinal);
        Assert.StartsWith("The minister said on Monday that:", result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Html_KeepsMainContentAndTitle()
    {
        var html = $"""
            <!doctype html><html><head><title>Budget passes</title><script>var secret = "tracking";</script>
            <style>p {"{"} color: red {"}"}</style></head>
            <body><nav><a href="/">Home</a> <a href="/world">World menu</a></nav>
            <article><h1>Budget passes</h1><p>{Paragraph} {Paragraph}</p><p>Second: {Paragraph} {Paragraph}</p></article>
            <footer>Copyright 2026 The Daily</footer><script>track("footer")</script></body></html>
            """;

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(html), "page.html", "text/html");

        Assert.True(result.IsAccepted);
        Assert.Equal("Budget passes", result.Article.Title);
        Assert.Contains("Second: The minister said", result.Article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking", result.Article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", result.Article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("World menu", result.Article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArabicHtmlInWindows1256_ReadsArabicTextAndTitle()
    {
        var html = "<!-- saved page --><html dir=\"rtl\"><head><title>وزيرا الخارجية</title></head><body><article><p>" +
            SampleTexts.Arabic.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p></article></body></html>";

        var result = CreateSut().Read(Encoding.GetEncoding(1256).GetBytes(html), "ar/page", null);

        Assert.True(result.IsAccepted);
        Assert.Equal("windows-1256", result.Encoding);
        Assert.Equal("وزيرا الخارجية", result.Article.Title);
        Assert.Equal(ArticleLanguage.Arabic, result.Article.Language);
        Assert.DoesNotContain("<", result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HtmlWithOnlyScripts_RejectsNoText()
    {
        var html = "<html><head><script>alert('a long script with many many words in it')</script></head><body><script>x()</script></body></html>";

        Assert.Equal(ArticleErrorCodes.NoText, CreateSut().Read(Encoding.UTF8.GetBytes(html), "a.htm", null).Rejection?.Code);
    }

    [Fact]
    public void Read_MalformedHtml_ReadsText()
    {
        var html = $"<html><body><p>Unclosed <b>bold <div>{Paragraph}<p>{Paragraph}";

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(html), "a.html", null);

        Assert.True(result.IsAccepted);
        Assert.Contains("parliament will vote", result.Article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", result.Article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("text")]
    [InlineData("content")]
    [InlineData("articleBody")]
    public void Read_JsonNewsItem_ReadsTextTitleAndMetadata(string field)
    {
        var json = $$"""
            {"title": "Budget passes", "{{field}}": "{{Paragraph}}", "url": "https://example.com/a",
             "publishedAt": "2026-11-02T08:00:00Z", "language": "en"}
            """;

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(json), "a.json", "application/json");

        Assert.True(result.IsAccepted);
        Assert.Equal("Budget passes", result.Article.Title);
        Assert.Equal(Paragraph, result.Article.Text);
        Assert.Equal(new Uri("https://example.com/a"), result.Article.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), result.Article.PublishedAt);
    }

    [Fact]
    public void Read_JsonWithHtmlBodyAndParagraphArray_ExtractsText()
    {
        var html = CreateSut().Read(Encoding.UTF8.GetBytes($$"""{"body": "<p>{{Paragraph}}</p><p>More.</p>"}"""), "a.json", null);
        var array = CreateSut().Read(Encoding.UTF8.GetBytes($$"""{"text": ["{{Paragraph}}", "More."]}"""), "b.json", null);

        Assert.Equal(Paragraph + "\n\nMore.", html.Article?.Text);
        Assert.Equal(Paragraph + "\n\nMore.", array.Article?.Text);
    }

    [Theory]
    [InlineData("{\"title\": \"x\", \"body\": ", "invalid-json")]
    [InlineData("{\"title\": \"Budget\", \"summary\": \"no body here\"}", "unsupported-json")]
    [InlineData("[{\"title\": \"a\", \"body\": \"b\"}]", "unsupported-json")]
    [InlineData("{\"title\": \"Budget\", \"body\": \"   \"}", "no-text")]
    public void Read_JsonThatIsNoNewsItem_Rejects(string json, string code) =>
        Assert.Equal(code, CreateSut().Read(Encoding.UTF8.GetBytes(json), "a.json", null).Rejection?.Code);

    [Fact]
    public void Read_DeeplyNestedJson_RejectsInvalidJson()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        Assert.Equal(ArticleErrorCodes.InvalidJson, CreateSut().Read(Encoding.UTF8.GetBytes(json), "a.json", null).Rejection?.Code);
    }

    [Theory]
    [InlineData("{\"title\": \"T\", \"body\": \"" + Paragraph + "\"}", "T")]
    [InlineData("<html><head><title>T</title></head><body><p>" + Paragraph + "</p></body></html>", "T")]
    [InlineData("# T\n\n" + Paragraph, "T")]
    [InlineData(Paragraph, null)]
    public void Read_NoExtension_SniffsFormat(string content, string? title)
    {
        var result = CreateSut().Read(Encoding.UTF8.GetBytes(content), "incoming/article", "application/octet-stream");

        Assert.True(result.IsAccepted);
        Assert.Equal(title, result.Article.Title);
        Assert.Equal(Paragraph, result.Article.Text);
    }

    [Fact]
    public void Read_NoExtensionWithContentType_UsesContentType()
    {
        var html = "<p>Text with a <b>bold</b> word.</p><p>" + Paragraph + "</p>";

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(html), "article", "text/html; charset=utf-8");

        Assert.Equal("html", result.Format);
    }

    [Fact]
    public void Read_NoExtensionWithTextPlain_SniffsMarkdown()
    {
        var markdown = "Text with a [link](https://example.com) and **bold** words. " + Paragraph;

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(markdown), "article", "text/plain; charset=utf-8");

        Assert.Equal("markdown", result.Format);
        Assert.DoesNotContain("](https://example.com)", result.Article?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextExtension_DoesNotSniff()
    {
        var json = "{\"title\": \"T\", \"body\": \"" + Paragraph + "\"}";

        var result = CreateSut().Read(Encoding.UTF8.GetBytes(json), "a.txt", "application/json");

        Assert.Equal(json, result.Article?.Text);
    }

    [Fact]
    public void Read_GivenTitle_WinsOverDocumentTitle()
    {
        var result = CreateSut().Read(Encoding.UTF8.GetBytes("# Old\n\n" + Paragraph), "a.md", null, title: "New");

        Assert.Equal("New", result.Article?.Title);
    }

    private static ArticleReader CreateSut(long maxBytes = 1024 * 1024) =>
        TestReaders.InProcess(new SummarizerOptions { MaxArticleBytes = maxBytes, MinArticleWords = 20 });
}
