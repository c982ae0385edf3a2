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
    public void Create_NonLoopbackUrl_Throws(string urls)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => DevHostApplication.Create(["--urls", urls]));

        Assert.Contains("loopback only", exception.Message, StringComparison.Ordinal);
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
