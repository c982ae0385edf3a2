using System.Net.Http.Headers;
using NewsSummarizer.Http;
using NewsSummarizer.Testing.FunctionsHost.Rpc;

namespace NewsSummarizer.IntegrationTests.Functions;

/// <summary>Every HTTP route through the Functions app's ASP.NET Core integration (the host stand-in sends the
/// invocation and proxies the request with <c>x-ms-invocation-id</c>) answers what the DevHost answers for the same
/// request: status, the headers the app sets, and the body. Both hosts run side by side on one container and one
/// fake model.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsWorkerHttpParityTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string StoredArticle = "world/seed.txt";

    // Transport headers each server sets its own way, and the length (the bodies are compared, with per-call values
    // such as durationMs masked); everything else is the app's and must match.
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Transfer-Encoding", "Connection", "Keep-Alive", "Content-Length",
    };

    private FunctionsWorker functions = null!;
    private DevHostRunner devHost = null!;

    public async Task InitializeAsync()
    {
        functions = await FunctionsWorker.StartAsync(azurite, output);
        devHost = await DevHostRunner.StartAsync(azurite, functions.Container.Name, functions.Model.OpenAISettings());
        // A stored result for the GET routes: the DevHost's trigger summarises the upload.
        await functions.Container.UploadBlobAsync(StoredArticle, BinaryData.FromBytes(SampleArticles.ArabicSeedUtf8));
        await StoredResults.WaitForAsync(functions.Container, StoredArticle, d => d.Status == SummaryStatus.Ok, StoredResults.DefaultTimeout);
    }

    public async Task DisposeAsync()
    {
        await devHost.DisposeAsync();
        await functions.DisposeAsync();
    }

    public static TheoryData<string, string, string, string?, string?> Requests() => new()
    {
        // function, method, path under /api (the page's own path on the DevHost is mapped below), body, content type
        { "Health", "GET", "health", null, null },
        { "HealthDetails", "GET", "health/details", null, null },
        { "CreateSummary", "POST", "summaries", SampleArticles.ShortEnglish, "text/plain; charset=utf-8" },
        { "CreateSummary", "POST", "summaries", JsonSerializer.Serialize(new { text = SampleArticles.ShortEnglish, title = "Budget" }), "application/json" },
        { "CreateSummary", "POST", "summaries", "", "text/plain" },
        { "CreateSummary", "POST", "summaries", "%PDF-1.7 not really", "application/pdf" },
        { "CreateSummary", "POST", "summaries", "{\"text\":", "application/json" },
        { "CreateSummary", "POST", "summaries", SampleArticles.ShortEnglish, "image/png" },
        { "GetSummary", "GET", "summaries/" + StoredArticle, null, null },
        { "GetSummary", "GET", "summaries/world/missing.txt", null, null },
        { "GetSummary", "GET", "summaries/world/seed.txt.summary.json", null, null },
        { "ListArticles", "GET", "articles", null, null },
        { "ListArticles", "GET", "articles?prefix=world/&pageSize=1", null, null },
        { "ListArticles", "GET", "articles?pageSize=0", null, null },
        { "ListArticles", "GET", "articles?continuation=not-a-token", null, null },
        { "Page", "GET", ApiRoutes.Templates.Page, null, null },
        { "PageStyle", "GET", ApiRoutes.Templates.PageStyle, null, null },
        { "PageScript", "GET", ApiRoutes.Templates.PageScript, null, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Route_SameRequest_FunctionsAppAnswersAsTheDevHost(string function, string method, string path, string? body, string? contentType)
    {
        var devHostPath = DevHostPath(function, path);
        using var fromDevHost = await devHost.Client.SendAsync(Request(method, devHostPath, body, contentType));
        using var fromFunctions = await functions.Host.Client.SendAsync(Request(method, "/api/" + path, body, contentType));

        var expected = await DescribeAsync(fromDevHost);
        var actual = await DescribeAsync(fromFunctions);
        output.WriteLine($"DevHost {method} {devHostPath}:\n{expected}\nFunctions {method} /api/{path}:\n{actual}");
        Assert.Equal(expected, actual);
        var invocation = Assert.Single(functions.Host.HttpInvocations);
        Assert.Equal(function, invocation.Function);
        Assert.Equal(StatusResult.Types.Status.Success, invocation.Response.Result.Status);
    }

    [Fact]
    public void Requests_CoverEveryRouteOfTheRouteTable()
    {
        var covered = Requests().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ApiRoutes.All.Select(r => r.Function).Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
        Assert.Equal(
            ApiRoutes.All.Select(r => r.Function).Order(StringComparer.Ordinal),
            functions.Host.Functions.Values.Where(f => f.RawBindings.Any(b => b.Contains("\"httpTrigger\"", StringComparison.OrdinalIgnoreCase)))
                .Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    // The DevHost serves the page and its files at the root (ApiRoutes' DevHostPath); the API under /api as the app.
    private static string DevHostPath(string function, string path)
    {
        var route = ApiRoutes.All.Single(r => r.Function == function);
        return route.DevHostPath.StartsWith("/api/", StringComparison.Ordinal) ? "/api/" + path : route.DevHostPath;
    }

    private static HttpRequestMessage Request(string method, string path, string? body, string? contentType)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }

    // Status, the app's headers (sorted) and the body; JSON bodies compared as JSON with the per-call values masked.
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var text = new StringBuilder().Append((int)response.StatusCode).Append('\n');
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers)
                     .Where(h => !TransportHeaders.Contains(h.Key))
                     .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(name.ToLowerInvariant()).Append(": ").Append(string.Join(", ", values)).Append('\n');
        }

        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        return text.Append(mediaType.Contains("json", StringComparison.Ordinal) ? Masked(body) : body).ToString();
    }

    private static string Masked(string json)
    {
        var node = JsonNode.Parse(json);
        Mask(node);
        return node?.ToJsonString() ?? "null";
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key is "durationMs" or "createdAt" or "traceId" or "requestId")
                    {
                        obj[key] = "(masked)";
                    }
                    else
                    {
                        Mask(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }

                break;
        }
    }
}
