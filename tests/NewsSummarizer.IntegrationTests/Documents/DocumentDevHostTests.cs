using NewsSummarizer.Testing.Documents;

namespace NewsSummarizer.IntegrationTests.Documents;

/// <summary>Word and PDF articles built in code, uploaded to Azurite and read by the real DevHost's blob trigger,
/// each to its defined result. For accepted documents the extracted text is checked through the summary: the offline
/// summariser only picks sentences of the article, so every key point must be a sentence of the source paragraphs,
/// in logical order, with no header, footer, comment or deleted text in it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DocumentDevHostTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(90);

    private sealed record Case(string Name, byte[] Content, string? ContentType, SummaryStatus Status, string? Code, ArticleLanguage Language, string[]? Source, string? Title);

    [Fact]
    public async Task Upload_BuiltDocuments_EachReachesItsDefinedResultWithItsText()
    {
        const string docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        var english = TestDocuments.EnglishParagraphs;
        var arabic = TestDocuments.ArabicParagraphs;
        Case[] cases =
        [
            new("en/budget.docx", TestDocuments.Docx(TestDocuments.EnglishTitle, english), docx, SummaryStatus.Ok, null, ArticleLanguage.English, WithInsertion(english), TestDocuments.EnglishTitle),
            new("ar/hospital", TestDocuments.Docx(TestDocuments.ArabicTitle, arabic, coreTitle: false, rightToLeft: true), "application/octet-stream",
                SummaryStatus.Ok, null, ArticleLanguage.Arabic, WithInsertion(arabic), TestDocuments.ArabicTitle),
            new("en/budget.pdf", TestDocuments.EnglishPdf(english, pages: 2), "application/pdf", SummaryStatus.Ok, null, ArticleLanguage.English, english, TestDocuments.EnglishTitle),
            new("en/columns.pdf", TestDocuments.TwoColumnPdf(english), null, SummaryStatus.Ok, null, ArticleLanguage.English, english, null),
            new("ar/columns.pdf", TestDocuments.ArabicTwoColumnPdf(arabic), "application/pdf", SummaryStatus.Ok, null, ArticleLanguage.Arabic, arabic, null),
            new("ar/visual.pdf", TestDocuments.ArabicPdf(arabic, TestDocuments.ArabicLayout.VisualOrder), "application/pdf", SummaryStatus.Ok, null, ArticleLanguage.Arabic, arabic, null),
            new("ar/forms.pdf", TestDocuments.ArabicPdf(arabic, TestDocuments.ArabicLayout.PresentationForms), "application/pdf", SummaryStatus.Ok, null, ArticleLanguage.Arabic, arabic, null),
            new("ar/logical.pdf", TestDocuments.ArabicPdf(arabic, TestDocuments.ArabicLayout.LogicalLeftToRight), "application/pdf", SummaryStatus.Ok, null, ArticleLanguage.Arabic, arabic, null),
            new("scan.pdf", TestDocuments.ScannedPdf(), "application/pdf", SummaryStatus.Rejected, ArticleErrorCodes.NoTextLayer, ArticleLanguage.Other, null, null),
            new("secret.pdf", RawPdf.EncryptedOnePage("BT /F1 12 Tf 50 700 Td (Secret text) Tj ET"u8.ToArray(), "secret"), "application/pdf",
                SummaryStatus.Rejected, ArticleErrorCodes.EncryptedDocument, ArticleLanguage.Other, null, null),
            new("bomb.docx", TestDocuments.ZipBombDocx(), docx, SummaryStatus.Rejected, ArticleErrorCodes.DocumentTooComplex, ArticleLanguage.Other, null, null),
            new("broken.docx", TestDocuments.Docx(TestDocuments.EnglishTitle, english)[..2000], docx, SummaryStatus.Rejected, ArticleErrorCodes.CorruptDocument, ArticleLanguage.Other, null, null),
        ];
        var (host, container) = await CreateSutAsync();
        await using var _ = host;
        foreach (var item in cases)
        {
            await container.GetBlobClient(item.Name).UploadAsync(
                BinaryData.FromBytes(item.Content),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = item.ContentType } });
        }

        foreach (var item in cases)
        {
            var document = await StoredResults.WaitForAsync(container, item.Name, null, ResultTimeout);

            Assert.True(item.Status == document.Status, $"{item.Name}: {document.Status} {document.Error?.Code} {document.Error?.Message}");
            Assert.Equal(item.Code, document.Error?.Code);
            Assert.Equal(item.Name.EndsWith(".pdf", StringComparison.Ordinal) ? "pdf" : "docx", document.Source.Format);
            if (item.Source is null)
            {
                continue;
            }

            Assert.Equal(item.Language, document.Language);
            var keyPoints = item.Language == ArticleLanguage.Arabic ? document.KeyPoints.Ar : document.KeyPoints.En;
            Assert.NotEmpty(keyPoints);
            var source = string.Join(' ', item.Source);
            Assert.All(keyPoints, point => Assert.True(
                source.Contains(point.TrimEnd('.'), StringComparison.Ordinal), $"{item.Name}: key point \"{point}\" is not a sentence of the source"));
            if (item.Title is not null)
            {
                Assert.Equal(item.Title, item.Language == ArticleLanguage.Arabic ? document.Title.Ar : document.Title.En);
            }
        }
    }

    /// <summary>The built .docx carries a tracked insertion at the end of its first paragraph (kept) and a tracked
    /// deletion, a comment, a header and a footer (left out).</summary>
    private static string[] WithInsertion(string[] paragraphs) => [paragraphs[0] + " INSERTED-WORDS", .. paragraphs[1..]];

    private async Task<(DevHostRunner Host, BlobContainerClient Container)> CreateSutAsync()
    {
        var container = await azurite.CreateContainerAsync("docs");
        var host = await DevHostRunner.StartAsync(azurite, container.Name, new Dictionary<string, string?>
        {
            ["Summarizer:MaxArticleBytes"] = (4 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
        });
        return (host, container);
    }
}
