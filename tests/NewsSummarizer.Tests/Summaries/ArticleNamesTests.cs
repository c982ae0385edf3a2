using Azure.Storage.Blobs;

namespace NewsSummarizer.Tests.Summaries;

public sealed class ArticleNamesTests
{
    private static readonly BlobContainerClient Articles = new(new Uri("https://account.blob.core.windows.net/articles"));

    [Theory]
    [InlineData("a/../../other/x.txt")]
    [InlineData("../app-package/released-package.zip")]
    [InlineData("a/./x.txt")]
    [InlineData("./x.txt")]
    [InlineData("a/..")]
    public void Validate_NameTheSdkWouldResolveElsewhere_IsRefused(string name)
    {
        // Why these must be refused: the client library's URL is not the blob the name says.
        Assert.NotEqual(("articles", name), Resolve(name));

        Assert.Equal(ArticleNames.InvalidName, ArticleNames.Validate(name)?.Code);
    }

    [Theory]
    [InlineData("x.txt")]
    [InlineData("2026/11/story.txt")]
    [InlineData("a..b.txt")]
    [InlineData("...")]
    [InlineData("news/٢٠٢٦/خبر.html")]
    [InlineData("with space/and%25percent?.txt")]
    [InlineData("emoji/😀.md")]
    public void Validate_AcceptedName_AddressesExactlyThatBlobInTheContainer(string name)
    {
        Assert.Null(ArticleNames.Validate(name));

        Assert.Equal(("articles", name), Resolve(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/x.txt")]
    [InlineData("a//x.txt")]
    [InlineData("a/")]
    [InlineData("a\\x.txt")]
    [InlineData("a\\..\\..\\other\\x.txt")]
    [InlineData("a\u0000x.txt")]
    [InlineData("a\u007fx.txt")]
    public void Validate_MalformedName_IsRefused(string name) =>
        Assert.Equal(ArticleNames.InvalidName, ArticleNames.Validate(name)?.Code);

    [Fact]
    public void Validate_LongestNameWhoseResultFits_IsAcceptedAndOneMoreIsNot()
    {
        var longest = new string('a', ArticleNames.MaxLength);

        Assert.Null(ArticleNames.Validate(longest));
        Assert.Equal(ArticleNames.MaxBlobNameLength, SummaryBlobNames.ResultFor(longest).Length);
        Assert.Equal(ArticleNames.InvalidName, ArticleNames.Validate(longest + "a")?.Code);
    }

    [Theory]
    [InlineData("invoice\u202Egpj.exe", 0x202E, 8)] // right-to-left override: displays as "invoiceexe.jpg"
    [InlineData("news/\u2067خبر\u2069.txt", 0x2067, 6)] // right-to-left isolate
    [InlineData("re\u200Bport.txt", 0x200B, 3)] // zero-width space
    [InlineData("re\u200Dport.txt", 0x200D, 3)] // zero-width joiner
    [InlineData("\uFEFFreport.txt", 0xFEFF, 1)] // byte order mark
    [InlineData("report\u061C.txt", 0x061C, 7)] // Arabic letter mark
    [InlineData("tag\U000E0041.txt", 0xE0041, 4)] // a tag character, outside the BMP
    public void Validate_InvisibleFormatCharacter_IsRefusedNamingIt(string name, int codePoint, int position)
    {
        var error = ArticleNames.Validate(name);

        Assert.Equal(ArticleNames.InvalidName, error?.Code);
        Assert.Contains($"U+{codePoint:X4} at position {position}", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoneSurrogate_IsRefused() =>
        Assert.Equal(ArticleNames.InvalidName, ArticleNames.Validate("a" + '\ud800' + "x.txt")?.Code);

    [Fact]
    public void Validate_TooManySegments_IsRefused() =>
        Assert.Equal(ArticleNames.InvalidName, ArticleNames.Validate(string.Join('/', Enumerable.Repeat("a", ArticleNames.MaxSegments + 1)))?.Code);

    [Fact]
    public void Validate_ResultName_IsRefusedAsResult() =>
        Assert.Equal(ArticleNames.ResultName, ArticleNames.Validate("a/x.txt.summary.json")?.Code);

    [Theory]
    [InlineData("a/../../other/x.txt")]
    [InlineData("x.txt.summary.json")]
    public async Task UploadAsync_NameTheServiceWouldRefuse_IsRefusedBeforeAnyRequest(string name)
    {
        // Port 9 on loopback: any request would fail with a connection error, not an ArgumentException.
        var service = new BlobServiceClient(new Uri("http://127.0.0.1:9/devstoreaccount1"));
        var uploader = new ArticleUploader(service, Options.Create(new StorageOptions()));
        var path = Path.GetTempFileName();
        try
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => uploader.UploadAsync(path, name, null, CancellationToken.None));
            Assert.Contains(name, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (string Container, string Name) Resolve(string name)
    {
        var uri = new BlobUriBuilder(Articles.GetBlobClient(name).Uri);
        return (uri.BlobContainerName, uri.BlobName);
    }
}
