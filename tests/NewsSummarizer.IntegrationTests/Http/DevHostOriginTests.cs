namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>The DevHost's local surface over real HTTP: host filtering keeps DNS-rebinding pages out (their Host is
/// not a loopback name) and the Origin rule keeps other pages' requests out (browsers send Origin cross-site, also
/// for a text/plain POST that needs no CORS preflight), while curl, the CLI and the reading page itself get in.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevHostOriginTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DevHostRunner host = null!;

    private string OwnOrigin => host.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync() => host = await DevHostRunner.StartAsync(azurite, AzuriteFixture.NewContainerName("origin"));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Post_NoOrigin_Summarises()
    {
        using var response = await host.Client.SendAsync(Post(origin: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_OwnOriginAsTheReadingPageSendsIt_Summarises()
    {
        using var response = await host.Client.SendAsync(Post(OwnOrigin));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://attacker.example")]
    [InlineData("http://attacker.example:7071")]
    [InlineData("null")] // sandboxed frames and file: pages
    [InlineData("http://127.0.0.1:1")] // another local server's page
    [InlineData("http://localhost:{port}")] // another origin, though the same server
    [InlineData("https://127.0.0.1:{port}")]
    public async Task Post_ForeignOrigin_Returns403Problem(string origin)
    {
        using var response = await host.Client.SendAsync(Post(origin.Replace("{port}", host.BaseAddress.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("foreign-origin", problem.RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/articles")]
    [InlineData("GET", "/api/summaries/a.txt")]
    [InlineData("OPTIONS", "/api/summaries")] // a CORS preflight
    public async Task Request_ForeignOrigin_Returns403(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", "https://attacker.example");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("attacker.example")] // a DNS-rebinding page: its own name, resolving to 127.0.0.1
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.attacker.example")]
    public async Task Get_ForeignHostName_Returns400(string hostName)
    {
        using var response = await GetWithHostAsync("/api/articles", hostName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task Get_LoopbackHostName_ServesTheReadingPage(string hostName)
    {
        using var response = await GetWithHostAsync("/", hostName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_OwnOriginUnderLocalhostName_Summarises()
    {
        // The page opened as http://localhost:port posts with that origin and that Host.
        using var request = Post($"http://localhost:{host.BaseAddress.Port}");
        request.Headers.Host = $"localhost:{host.BaseAddress.Port}";

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Post(string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/summaries")
        {
            Content = new StringContent(SampleArticles.ShortEnglish, Encoding.UTF8, "text/plain"),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    /// <summary>GET <paramref name="path"/> with the Host header a page served under <paramref name="hostName"/> sends.</summary>
    private async Task<HttpResponseMessage> GetWithHostAsync(string path, string hostName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = $"{hostName}:{host.BaseAddress.Port}";
        return await host.Client.SendAsync(request);
    }
}
