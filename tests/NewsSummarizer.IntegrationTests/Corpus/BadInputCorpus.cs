using System.IO.Compression;
using static NewsSummarizer.IntegrationTests.Corpus.CorpusExpectation;

namespace NewsSummarizer.IntegrationTests.Corpus;

/// <summary>The bad (and awkward but good) inputs every version must handle. Binary cases are generated here rather
/// than committed. <see cref="MaxArticleBytes"/> is the limit the tests configure.</summary>
public static class BadInputCorpus
{
    public const int MaxArticleBytes = 4096;

    public const string English =
        "The city council approved a new budget on Tuesday that raises spending on public transport by ten percent.\n\n" +
        "The mayor said the plan would add two bus lines and extend the hours of the metro on weekends.\n\n" +
        "Opposition members argued that the increase was not funded and would require new taxes next year.";

    // No curly quotes or other characters ISO-8859-6 lacks.
    public const string Arabic =
        "ناقش وزيرا الخارجية الأميركي والتركي هاتفيا التنسيق بين بلديهما على خلفية التوتر في أوكرانيا.\n\n" +
        "وذكرت وزارة الخارجية الأميركية في بيان أن الوزيرين ناقشا أهمية التنسيق المستمر بشأن التهديد الناجم عن التصعيد.\n\n" +
        "وأضافت أن الوزيرين ناقشا أيضا المسائل المتعلقة بالقرن الأفريقي وفرص تعزيز التعاون الثنائي.";

    public const string Mixed =
        "قال الرئيس التنفيذي للشركة إن الشركة ستطلق نموذجا جديدا في شهر مارس المقبل بعد اختبارات طويلة ومكثفة.\n\n" +
        "The company said the model would be available to developers through its API.\n\n" +
        "وأضاف أن النموذج الجديد سيدعم اللغة العربية بشكل أفضل من النماذج السابقة في الترجمة والتلخيص.";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<CorpusCase> Cases { get; } = Create();

    public static TheoryData<string> Ids => new(Cases.Select(c => c.Id));

    public static CorpusCase Get(string id) => Cases.Single(c => c.Id == id);

    private static List<CorpusCase> Create()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = $"""
            <!doctype html><html><head><title>Council passes budget</title><script>var tracking = "secret";</script>
            <style>body {"{"} font: serif {"}"}</style></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Council passes budget</h1><p>{English.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article>
            <footer>Copyright The Daily</footer></body></html>
            """;
        List<CorpusCase> cases =
        [
            // Nothing to read.
            Case("empty", "empty.txt", [], Rejected("empty")),
            Case("whitespace", "whitespace.txt", Utf8.GetBytes("  \n\t\r\n   \n"), Rejected("empty")),
            Case("bom-only", "bom-only.txt", [0xEF, 0xBB, 0xBF], Rejected("empty")),
            Case("one-byte", "one-byte.txt", "a"u8.ToArray(), Rejected("too-short")),
            Case("one-sentence", "short.txt", Utf8.GetBytes("The council approved the budget on Tuesday."), Rejected("too-short")),
            Case("digits-only", "digits.txt", Utf8.GetBytes(string.Join(' ', Enumerable.Range(1000, 200))), Rejected("too-short")),
            Case("urls-only", "urls.txt", Utf8.GetBytes(string.Join('\n', Enumerable.Range(0, 40).Select(i => $"https://example.com/news/{i}"))), Rejected("too-short")),

            // Not text.
            Case("png", "photo.png", Png(), Rejected("unsupported-format"), "image/png"),
            Case("png-named-txt", "photo.txt", Png(), Rejected("unsupported-format")),
            Case("zip", "articles.zip", Zip(), Rejected("unsupported-format"), "application/zip"),
            Case("zip-no-extension", "upload", Zip(), Rejected("unsupported-format")),
            Case("docx", "article.docx", Zip(), Rejected("corrupt-document")),
            Case("gzip", "article.txt.gz", Gzip(), Rejected("unsupported-format")),
            Case("pdf", "article.pdf", Utf8.GetBytes("%PDF-1.7\n" + English), Rejected("corrupt-document")),
            Case("nul-bytes", "nul.txt", [.. Utf8.GetBytes(English), 0, 0, 0, 0, .. Utf8.GetBytes(English)], Rejected("binary-content")),
            Case("random-binary", "blob.dat", RandomBytes(), Rejected("binary-content")),

            // Encodings.
            Case("invalid-utf8", "latin1.txt", Encoding.Latin1.GetBytes("Le président a déclaré que la réunion était très importante pour l'été prochain."), Rejected("unsupported-encoding")),
            Case("truncated-utf8", "truncated.txt", [.. Utf8.GetBytes(English), 0xE2, 0x82], Rejected("unsupported-encoding")),
            Case("overlong-2-byte", "overlong2.txt", [.. Utf8.GetBytes(English), 0xC0, 0xAF, .. Utf8.GetBytes(" end")], Rejected("unsupported-encoding")),
            Case("overlong-3-byte", "overlong3.txt", [.. Utf8.GetBytes(English), 0xE0, 0x80, 0xAF], Rejected("unsupported-encoding")),
            Case("utf8-arabic-stray-byte", "stray.txt", [.. Utf8.GetBytes(Arabic), 0xFF, .. Utf8.GetBytes(Arabic)], Rejected("unsupported-encoding")),
            Case("utf8-surrogate", "surrogate.txt", [.. Utf8.GetBytes(English), 0xED, 0xA0, 0x80], Rejected("unsupported-encoding")),
            Case("utf8-bom-arabic", "bom.txt", [0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(Arabic)], Ok("ar", "utf-8-bom")),
            Case("utf16le-bom", "utf16le-bom.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Arabic)], Ok("ar", "utf-16le")),
            Case("utf16be-bom", "utf16be-bom.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(English)], Ok("en", "utf-16be")),
            Case("utf16le-no-bom", "utf16le.txt", Encoding.Unicode.GetBytes(English), Ok("en", "utf-16le")),
            Case("utf16be-no-bom", "utf16be.txt", Encoding.BigEndianUnicode.GetBytes(Arabic), Ok("ar", "utf-16be")),
            Case("windows-1256", "cp1256.txt", Encoding.GetEncoding(1256).GetBytes(Arabic), Ok("ar", "windows-1256")),
            Case("iso-8859-6", "iso88596.txt", Encoding.GetEncoding("iso-8859-6").GetBytes(Arabic), Ok("ar", "iso-8859-6")),
            Case("mixed-arabic-english", "mixed.txt", Utf8.GetBytes(Mixed), Ok("ar")),
            Case("mojibake-1252", "mojibake1252.txt", Utf8.GetBytes(Encoding.GetEncoding(1252).GetString(Utf8.GetBytes(Arabic))), Rejected("garbled-text")),
            Case("mojibake-1256", "mojibake1256.txt", Utf8.GetBytes(Encoding.GetEncoding(1256).GetString(Utf8.GetBytes(Arabic))), Rejected("garbled-text")),
            Case("replacement-chars", "replacement.txt", Utf8.GetBytes(new string('\uFFFD', 300) + " " + English), Rejected("garbled-text")),

            // Limits.
            Case("exactly-the-limit", "limit.txt", Padded(MaxArticleBytes), Ok("en")),
            Case("one-byte-over", "over.txt", Padded(MaxArticleBytes + 1), Rejected("too-large")),

            // HTML, Markdown, JSON.
            Case("html-page", "page.html", Utf8.GetBytes(html), Ok("en"), "text/html"),
            Case("html-only-scripts", "scripts.html", Utf8.GetBytes("<html><head><script>var a = 'many words in a script';</script></head><body><script>run()</script><style>p{}</style></body></html>"), Rejected("no-text")),
            Case("html-malformed", "broken.htm", Utf8.GetBytes("<html><body><p>Unclosed <b>bold <div>" + English.Replace("\n\n", "<p>", StringComparison.Ordinal) + "</span></td>"), Ok("en")),
            Case("html-sniffed", "incoming/page", Utf8.GetBytes(html), Ok("en"), "application/octet-stream"),
            Case("markdown", "story.md", Utf8.GetBytes("# Council passes budget\n\n" + English.Replace("budget", "**budget**", StringComparison.Ordinal)), Ok("en")),
            Case("markdown-heading-only", "heading.md", Utf8.GetBytes("# Just a heading\n"), Rejected("no-text")),
            Case("json-news-item", "item.json", Json(new { title = "الميزانية", articleBody = Arabic, url = "https://example.com/a", publishedAt = "2026-11-02T08:00:00Z", language = "ar" }), Ok("ar"), "application/json"),
            Case("json-sniffed", "feed/item", Json(new { headline = "Budget", content = English }), Ok("en")),
            Case("json-invalid", "invalid.json", Utf8.GetBytes("{\"title\": \"Budget\", \"body\": \"unterminated"), Rejected("invalid-json")),
            Case("json-no-text-field", "notext.json", Json(new { title = "Budget", summary = English }), Rejected("unsupported-json")),
            Case("json-array", "array.json", Json(new[] { new { title = "Budget", body = English } }), Rejected("unsupported-json")),
            Case("json-deeply-nested", "nested.json", Utf8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500)), Rejected("invalid-json")),
            Case("json-empty-object", "empty-object.json", "{}"u8.ToArray(), Rejected("unsupported-json")),
            Case("json-empty-body", "empty-body.json", Json(new { title = "Budget", body = "" }), Rejected("no-text")),

            // Names.
            Case("name-with-spaces", "world news/city council budget.txt", Utf8.GetBytes(English), Ok("en")),
            Case("name-unicode", "أخبار/ميزانية المدينة.txt", Utf8.GetBytes(Arabic), Ok("ar")),
            Case("name-hash", "issue #42/budget#final.txt", Utf8.GetBytes(English), Ok("en")),
            Case("name-percent", "100% local/budget%20news.txt", Utf8.GetBytes(English), Ok("en")),
            Case("name-1000-chars", "long/" + new string('n', 1000) + ".txt", Utf8.GetBytes(English), Ok("en")),
            Case("name-deep-folders", string.Join('/', Enumerable.Range(0, 30).Select(i => "d" + i.ToString(CultureInfo.InvariantCulture))) + "/budget.txt", Utf8.GetBytes(English), Ok("en")),
        ];
        return cases;
    }

    private static CorpusCase Case(string id, string name, byte[] content, CorpusExpectation expected, string? contentType = null) =>
        new(id, name, content, contentType, expected);

    private static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    private static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("article.txt").Open(), Utf8);
            entry.Write(English);
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Utf8.GetBytes(English));
        }

        return buffer.ToArray();
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[2048];
        new Random(42).NextBytes(bytes);
        bytes[100] = 0;
        return bytes;
    }

    private static byte[] Padded(int length)
    {
        var text = Utf8.GetBytes(English);
        return [.. text, .. Enumerable.Repeat((byte)'\n', length - text.Length)];
    }

    private static byte[] Json<T>(T value) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value);
}
