using NewsSummarizer.DevHost;

namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>The DevHost asks for no function keys, so it must not listen beyond loopback.</summary>
public sealed class DevHostLoopbackTests
{
    [Theory]
    [InlineData("http://0.0.0.0:7071")]
    [InlineData("http://*:7071")]
    [InlineData("http://+:7071")]
    [InlineData("http://192.168.1.10:7071")]
    [InlineData("http://127.0.0.1:7071;http://[::]:7072")]
    [InlineData("http://127.0.0.2:7071")] // loopback, but not a name host filtering lets through
    public void Create_NonLoopbackUrl_Throws(string urls)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => DevHostApplication.Create(["--urls", urls]));

        Assert.Contains("loopback only", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Http", "http://0.0.0.0:7071")]
    [InlineData("Http", "http://*:7071")]
    [InlineData("Public", "https://192.168.1.10:7443")]
    public void Create_NonLoopbackKestrelEndpoint_ThrowsNamingTheSetting(string name, string url)
    {
        // Kestrel__Endpoints__{name}__Url replaces --urls when set; the command line reaches the same key.
        var exception = Assert.Throws<InvalidOperationException>(() =>
            DevHostApplication.Create(["--urls", "http://127.0.0.1:7071", $"--Kestrel:Endpoints:{name}:Url={url}"]));

        Assert.Contains("loopback only", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"Kestrel__Endpoints__{name}__Url", exception.Message, StringComparison.Ordinal);
        Assert.Contains(url, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_LoopbackKestrelEndpoint_Builds()
    {
        await using var app = DevHostApplication.Create(["--Kestrel:Endpoints:Http:Url=http://localhost:7071"]);

        Assert.NotNull(app);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("http://localhost:7071")]
    [InlineData("http://[::1]:7071")]
    public async Task Create_LoopbackUrl_Builds(string urls)
    {
        await using var app = DevHostApplication.Create(["--urls", urls]);

        Assert.NotNull(app);
    }
}
