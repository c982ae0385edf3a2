using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsSummarizer.Articles;
using NewsSummarizer.Http;
using NewsSummarizer.Testing.Documents;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsSummarizer.Tests.Http;

public sealed class SummariesApiPostTests
{
    private const long MaxBytes = 4096;

    private readonly Mock<ISummarizer> model = new();

    [Fact]
    public async Task SummarizeAsync_EnglishPlainText_Returns200WithRequestSource()
    {
        var context = HttpTestData.PostText(HttpTestData.English);

        var result = (await CreateSut().SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        var document = Assert.IsType<SummaryDocument>(result.Value);
        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(ArticleLanguage.English, document.Language);
        Assert.Null(document.Source.Container);
        Assert.Null(document.Source.Name);
        Assert.Null(document.Source.ETag);
        Assert.Equal(ArticleText.Sha256(ArticleText.Normalize(HttpTestData.English)), document.Source.Sha256);
        Assert.Equal("text/plain; charset=utf-8", document.Source.ContentType);
        Assert.Equal(Encoding.UTF8.GetByteCount(HttpTestData.English), document.Source.Bytes);
        Assert.Equal("utf-8", document.Source.Encoding);
    }

    [Fact]
    public async Task SummarizeAsync_ArabicJson_WritesArabicUnescapedJson()
    {
        var context = HttpTestData.PostJson(new { text = HttpTestData.Arabic, title = "ميزانية المدينة" });

        var result = await CreateSut().SummarizeAsync(context.Request, default);
        var body = await result.RunAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        Assert.Contains("\"title\":{\"ar\":\"ميزانية المدينة\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u06", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ar", json.RootElement.GetProperty("language").GetString());
        Assert.Equal("application/json", json.RootElement.GetProperty("source").GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task SummarizeAsync_Utf8Bom_RecordsBomEncoding()
    {
        var body = Encoding.UTF8.Preamble.ToArray().Concat(Encoding.UTF8.GetBytes(HttpTestData.English)).ToArray();
        var context = HttpTestData.Post(body, "text/plain");

        var result = (await CreateSut().SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal("utf-8-bom", Assert.IsType<SummaryDocument>(result.Value).Source.Encoding);
    }

    [Theory]
    [InlineData("text/plain", "   \n\t ", ArticleErrorCodes.Empty)]
    [InlineData("text/plain", "", ArticleErrorCodes.Empty)]
    [InlineData("application/json", "{\"text\": \"  \"}", ArticleErrorCodes.NoText)]
    [InlineData("application/json", "{\"text\": \"abc\"", ArticleErrorCodes.InvalidJson)]
    [InlineData("application/json", "[\"text\"]", ArticleErrorCodes.UnsupportedJson)]
    [InlineData("application/json", "{\"text\": 42}", ArticleErrorCodes.UnsupportedJson)]
    [InlineData("application/json", "{\"text\": \"a\"} trailing", ArticleErrorCodes.InvalidJson)]
    [InlineData("application/json", "", ArticleErrorCodes.Empty)]
    [InlineData("application/json", "{\"title\": \"only a title\"}", ArticleErrorCodes.UnsupportedJson)]
    [InlineData("application/json", "{\"text\": null}", ArticleErrorCodes.UnsupportedJson)]
    [InlineData("application/json", "{\"text\": \"half \\ud800 a character\"}", ArticleErrorCodes.InvalidJson)]
    [InlineData("application/json", "{\"text\": \"ok text\", \"title\": \"\\udc00\"}", ArticleErrorCodes.InvalidJson)]
    public async Task SummarizeAsync_InvalidBody_Returns400(string contentType, string body, string code)
    {
        var context = HttpTestData.PostText(body, contentType);

        var result = await CreateSut().SummarizeAsync(context.Request, default);

        Assert.Equal(StatusCodes.Status400BadRequest, result.AsApi().StatusCode);
        Assert.Equal(code, result.Problem().Code);
    }

    [Fact]
    public async Task SummarizeAsync_NulBytes_Returns422BinaryContent()
    {
        var context = HttpTestData.PostText("abc\0def " + HttpTestData.English);

        var result = await CreateSut().SummarizeAsync(context.Request, default);

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, result.AsApi().StatusCode);
        Assert.Equal(ArticleErrorCodes.BinaryContent, result.Problem().Code);
    }

    [Fact]
    public async Task SummarizeAsync_MojibakeAsTextPlain_Returns422GarbledText()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var mojibake = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(HttpTestData.Arabic));
        var context = HttpTestData.PostText(mojibake);

        var result = await CreateSut().SummarizeAsync(context.Request, default);

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, result.AsApi().StatusCode);
        Assert.Equal(ArticleErrorCodes.GarbledText, result.Problem().Code);
        Assert.Equal(SummaryStatus.Rejected, result.Problem().Result!.Status);
    }

    [Theory]
    [InlineData("text/markdown; charset=utf-8")]
    [InlineData("text/plain; charset=utf-8")]
    public async Task SummarizeAsync_Markdown_SummarisesTextWithoutMarkup(string contentType)
    {
        var markdown = "# Budget vote\n\nThe **city council** approved a [new budget](https://example.com/budget) on Tuesday " +
            "that raises spending on public transport by ten percent.\n\n" + HttpTestData.English;
        var context = HttpTestData.PostText(markdown, contentType);

        var result = (await CreateSut().SummarizeAsync(context.Request, default)).AsApi();

        var document = Assert.IsType<SummaryDocument>(result.Value);
        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal("markdown", document.Source.Format);
        var summary = document.Summary.En ?? string.Empty;
        Assert.DoesNotContain("**", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("](", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("text/plain")]
    public async Task SummarizeAsync_Html_SummarisesTextWithoutMarkup(string contentType)
    {
        var html = "<!doctype html><html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>" +
            string.Concat(HttpTestData.English.Split("\n\n").Select(p => "<p class=\"lead\">" + p + "</p>")) +
            "</article></body></html>";
        var context = HttpTestData.PostText(html, contentType);

        var result = (await CreateSut().SummarizeAsync(context.Request, default)).AsApi();

        var document = Assert.IsType<SummaryDocument>(result.Value);
        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal("html", document.Source.Format);
        Assert.DoesNotContain("<", string.Join(" ", document.Summary.En, string.Join(" ", document.KeyPoints.En ?? [])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")]
    [InlineData("application/octet-stream", "docx")]
    [InlineData("application/pdf", "pdf")]
    public async Task SummarizeAsync_Document_ReadsIt(string contentType, string format)
    {
        var bytes = format == "pdf"
            ? TestDocuments.EnglishPdf(TestDocuments.EnglishParagraphs, pages: 1)
            : TestDocuments.Docx("Budget vote", TestDocuments.EnglishParagraphs);
        var context = HttpTestData.Post(bytes, contentType);

        var result = (await CreateSut(maxBytes: 1024 * 1024).SummarizeAsync(context.Request, default)).AsApi();

        var document = Assert.IsType<SummaryDocument>(result.Value);
        Assert.Equal(SummaryStatus.Ok, document.Status);
        Assert.Equal(format, document.Source.Format);
        Assert.Equal(bytes.Length, document.Source.Bytes);
    }

    [Fact]
    public async Task SummarizeAsync_JsonTextAndTitle_ReadsTheSameArticleAsAJsonBlob()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new { text = HttpTestData.Arabic, title = "ميزانية المدينة" });
        var blob = TestReaders.InProcess(new SummarizerOptions { MaxArticleBytes = MaxBytes }).Read(json, "news/budget.json", null);
        var context = HttpTestData.Post(json, "application/json");

        var result = (await CreateSut().SummarizeAsync(context.Request, default)).AsApi();

        var document = Assert.IsType<SummaryDocument>(result.Value);
        Assert.True(blob.IsAccepted);
        Assert.Equal(blob.Sha256, document.Source.Sha256);
        Assert.Equal(blob.Format, document.Source.Format);
        Assert.Equal(blob.Article.Language, document.Language);
    }

    [Fact]
    public async Task SummarizeAsync_ContentLengthOverLimit_Returns413WithoutReadingTheBody()
    {
        var body = new Mock<Stream>(MockBehavior.Strict);
        var context = HttpTestData.Post(body.Object, "text/plain", contentLength: MaxBytes + 1);

        var result = await CreateSut().SummarizeAsync(context.Request, default);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, result.AsApi().StatusCode);
        Assert.Equal("too-large", result.Problem().Code);
    }

    [Fact]
    public async Task SummarizeAsync_BodyWithoutLengthOverLimit_Returns413AfterLimitPlusOneBytes()
    {
        var body = new CountingStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(HttpTestData.English + "\n", 50))));
        var context = HttpTestData.Post(body, "text/plain");

        var result = await CreateSut().SummarizeAsync(context.Request, default);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, result.AsApi().StatusCode);
        Assert.Equal(MaxBytes + 1, body.BytesRead);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/xml")]
    [InlineData("image/png")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain; charset=iso-8859-1")]
    [InlineData("text/plain; charset=utf-16")]
    [InlineData("application/json; charset=windows-1256")]
    [InlineData("not a media type")]
    public async Task SummarizeAsync_UnsupportedContentType_Returns415(string? contentType)
    {
        var context = HttpTestData.Post(Encoding.UTF8.GetBytes(HttpTestData.English), contentType);

        var result = (await CreateSut().SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, result.StatusCode);
        Assert.Equal("unsupported-media-type", result.Problem().Code);
        Assert.Equal(SummaryRequestReader.AcceptedMediaTypes, result.Headers["Accept-Post"]);
    }

    [Theory]
    [InlineData("TEXT/PLAIN; CHARSET=UTF-8")]
    [InlineData("application/json; charset=utf-8")]
    public async Task SummarizeAsync_MediaTypeInOtherCase_IsAccepted(string contentType)
    {
        var body = contentType.StartsWith("TEXT", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(HttpTestData.English)
            : JsonSerializer.SerializeToUtf8Bytes(new { text = HttpTestData.English });
        var context = HttpTestData.Post(body, contentType);

        var result = (await CreateSut().SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
    }

    [Fact]
    public async Task SummarizeAsync_TooShortText_Returns422WithRejectedDocument()
    {
        var context = HttpTestData.PostText("Only a few words here.");

        var result = await CreateSut().SummarizeAsync(context.Request, default);
        var body = await result.RunAsync(context);

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, context.Response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", context.Response.ContentType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("too-short", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(422, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Unprocessable Entity", json.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("https://", json.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal("rejected", json.RootElement.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("too-short", json.RootElement.GetProperty("result").GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task SummarizeAsync_UnknownProvider_Returns400ListingAllowedValues()
    {
        var context = HttpTestData.PostText(HttpTestData.English, query: "?provider=Gemini");

        var result = await CreateSut(SummarizerProvider.OpenAI).SummarizeAsync(context.Request, default);

        var problem = result.Problem();
        Assert.Equal("invalid-provider", problem.Code);
        Assert.Equal(["OpenAI", "Extractive"], problem.Allowed);
        Assert.Contains("OpenAI, Extractive", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_ModelProviderWhenExtractiveConfigured_Returns400()
    {
        var context = HttpTestData.PostText(HttpTestData.English, query: "?provider=AzureOpenAI");

        var result = await CreateSut().SummarizeAsync(context.Request, default);

        Assert.Equal(["Extractive"], result.Problem().Allowed);
    }

    [Fact]
    public async Task SummarizeAsync_ExtractiveRequestedWhileModelConfigured_DoesNotCallTheModel()
    {
        var context = HttpTestData.PostText(HttpTestData.English, query: "?provider=extractive");

        var result = (await CreateSut(SummarizerProvider.OpenAI).SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal(ModelProvider.Extractive, Assert.IsType<SummaryDocument>(result.Value).Model.Provider);
        model.Verify(m => m.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SummarizeAsync_ConfiguredProviderRequested_CallsTheModel()
    {
        var context = HttpTestData.PostText(HttpTestData.English, query: "?provider=OpenAI");
        ModelReturns(TestData.ModelContent("OpenAI", "v1", model: "gpt-4o-mini", outputTokens: 20));

        var result = (await CreateSut(SummarizerProvider.OpenAI).SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal("gpt-4o-mini", Assert.IsType<SummaryDocument>(result.Value).Model.Model);
    }

    [Fact]
    public async Task SummarizeAsync_ModelThrottled_Returns429WithTheModelsRetryAfter()
    {
        ModelThrows(new ClientResultException("throttled", Response(429, retryAfter: "7")));

        var result = await PostToModelAsync();

        Assert.Equal(StatusCodes.Status429TooManyRequests, result.StatusCode);
        Assert.Equal("model-throttled", result.Problem().Code);
        Assert.Equal("7", result.Headers["Retry-After"]);
    }

    [Fact]
    public async Task SummarizeAsync_ModelUnavailableThrottled_Returns429WithItsRetryAfter()
    {
        ModelThrows(new ModelUnavailableException("throttled after every retry", throttled: true, TimeSpan.FromSeconds(42), new HttpRequestException()));

        var result = await PostToModelAsync();

        Assert.Equal(StatusCodes.Status429TooManyRequests, result.StatusCode);
        Assert.Equal("42", result.Headers["Retry-After"]);
    }

    [Fact]
    public async Task SummarizeAsync_ModelUnavailableWithFallbackConfigured_Returns200ExtractiveFallback()
    {
        ModelThrows(new ModelUnavailableException("down", throttled: false, null, new HttpRequestException()));
        var context = HttpTestData.PostText(HttpTestData.English);

        var result = (await CreateSut(SummarizerProvider.OpenAI, fallback: true).SummarizeAsync(context.Request, default)).AsApi();

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        Assert.Equal(ModelProvider.ExtractiveFallback, Assert.IsType<SummaryDocument>(result.Value).Model.Provider);
    }

    public static TheoryData<Exception> ModelDownExceptions() => new()
    {
        new ModelUnavailableException("down", throttled: false, null, new HttpRequestException()),
        new ClientResultException("unavailable", Response(503)),
        new ClientResultException("transport", null, new HttpRequestException("connection refused")),
        new HttpRequestException("connection refused"),
        new TimeoutRejectedException(),
        new BrokenCircuitException(),
        new AggregateException(new TimeoutRejectedException()),
    };

    [Theory]
    [MemberData(nameof(ModelDownExceptions))]
    public async Task SummarizeAsync_ModelDown_Returns503WithRetryAfter(Exception exception)
    {
        ModelThrows(exception);

        var result = await PostToModelAsync();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, result.StatusCode);
        Assert.Equal("model-unavailable", result.Problem().Code);
        Assert.True(int.Parse(result.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task SummarizeAsync_InvalidModelReply_Returns502WithFailedDocument()
    {
        ModelThrows(new SummarizationException("invalid-model-reply", "The model's reply was invalid twice."));

        var result = await PostToModelAsync();

        Assert.Equal(StatusCodes.Status502BadGateway, result.StatusCode);
        Assert.Equal(SummaryStatus.Failed, result.Problem().Result!.Status);
    }

    [Fact]
    public async Task SummarizeAsync_ContentFilterRefusal_Returns422WithRejectedDocument()
    {
        // A final refusal never reaches DependencyFailure: SummaryService records it, and the POST answers from its
        // disposition (rejected: this text will never pass), exactly as the blob path stores it.
        ModelThrows(new SummarizationException(ModelErrorCodes.ContentFiltered, "Azure's content filter blocked the prompt (violence: high)."));

        var result = await PostToModelAsync();

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, result.StatusCode);
        Assert.Equal(ModelErrorCodes.ContentFiltered, result.Problem().Code);
        Assert.Equal(SummaryStatus.Rejected, result.Problem().Result!.Status);
    }

    [Fact]
    public async Task SummarizeAsync_UnexpectedException_Propagates()
    {
        ModelThrows(new InvalidOperationException("bug"));

        await Assert.ThrowsAsync<InvalidOperationException>(PostToModelAsync);
    }

    private async Task<ApiResult> PostToModelAsync()
    {
        var context = HttpTestData.PostText(HttpTestData.English);
        return (await CreateSut(SummarizerProvider.OpenAI).SummarizeAsync(context.Request, default)).AsApi();
    }

    private void ModelReturns(SummaryContent content) =>
        model.Setup(m => m.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>())).ReturnsAsync(content);

    private void ModelThrows(Exception exception) =>
        model.Setup(m => m.SummarizeAsync(It.IsAny<Article>(), It.IsAny<SummaryLength>(), It.IsAny<CancellationToken>())).ThrowsAsync(exception);

    /// <summary>A real SDK response, produced by the SDK's own transport over a canned HTTP answer.</summary>
    private static PipelineResponse Response(int status, string? retryAfter = null)
    {
        using var transport = new HttpClientPipelineTransport(new HttpClient(new CannedHandler(status, retryAfter)));
        var message = transport.CreateMessage();
        message.Request.Uri = new Uri("http://127.0.0.1/v1/chat/completions");
        message.Request.Method = "POST";
        transport.Process(message);
        return message.Response!;
    }

    private SummariesApi CreateSut(SummarizerProvider provider = SummarizerProvider.Extractive, bool fallback = false, long maxBytes = MaxBytes)
    {
        var options = Options.Create(new SummarizerOptions { Provider = provider, MaxArticleBytes = maxBytes, FallbackToExtractive = fallback });
        model.SetupGet(m => m.Provider).Returns(ModelProvider.From(provider));
        model.SetupGet(m => m.PromptVersion).Returns("v1");
        return TestApis.Summaries(options, model.Object);
    }

    private sealed class CannedHandler(int status, string? retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent("{}") };
            if (retryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            return response;
        }
    }

    /// <summary>A body without Content-Length that counts what the handler reads.</summary>
    private sealed class CountingStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
