using System.Net.Http.Headers;
using System.Net.Sockets;

namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>Hundreds of random bodies, media types, headers, sizes and names against the DevHost on loopback: every
/// answer is below 500 and an error with a body is a problem document; the host still answers afterwards. Seeded, so a failure
/// replays.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummariesApiFuzzTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Seed = 20261129;
    private const int Iterations = 300;
    private const int MaxBytes = 8 * 1024;

    private static readonly string[] ContentTypes =
    [
        "text/plain", "text/plain; charset=utf-8", "TEXT/PLAIN;CHARSET=UTF-8", "text/plain; charset=iso-8859-1", "text/plain; charset=",
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "application/xml", "text/html",
        "multipart/form-data; boundary=----x", "application/x-www-form-urlencoded", ";;;", "text/plain; charset=\"utf-8",
        "*/*", "application/octet-stream", "application/problem+json", "text/plain; q=0.5; charset=utf-8; x=y",
    ];

    private static readonly string[] Providers = ["", "Extractive", "extractive", "EXTRACTIVE", "OpenAI", "AzureOpenAI", "%00", "x%20y", "Extractive&provider=OpenAI"];

    private static readonly string[] Words =
    [
        "the", "council", "approved", "budget", "transport", "وافق", "مجلس", "المدينة", "على", "الميزانية", "\u200f", "😀",
        "\r\n", "\n\n", "\t", "\u0000", "\u00a0", "—", "«", "»", "\\", "\"", "{", "}", "é", "ß", "漢字",
    ];

    private readonly string containerName = AzuriteFixture.NewContainerName();
    private DevHostRunner host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(azurite, containerName, MaxBytes);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RandomRequests_NeverGetA5xx()
    {
        var random = new Random(Seed);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Iterations; i++)
        {
            using var request = random.Next(5) == 0 ? RandomGet(random) : RandomPost(random);
            var description = $"#{i}: {request.Method} {request.RequestUri} {request.Content?.Headers.ContentType}";
            using var response = await host.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;

            Assert.True(status < 500, $"{description} answered {status}: {body}");
            // Kestrel itself answers a request it cannot parse (for example an invalid escape in the path) with
            // an empty 400 before any of our code runs; everything with a body is ours and must be a problem.
            if (status >= 400 && body.Length > 0)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{description} answered {status} without a problem: {body}");
            }
        }

        using var health = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(statuses.Count >= 5, "The fuzzer should reach several outcomes: " + string.Join(", ", statuses));
    }

    [Fact]
    public async Task TruncatedOrLyingBodies_AreAnsweredBelow500OrDropped()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 20; i++)
        {
            var declared = random.Next(1, MaxBytes * 2);
            var sent = Encoding.UTF8.GetBytes(new string('x', random.Next(0, Math.Min(declared, 200))));
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, host.BaseAddress.Port);
            var head = $"POST /api/summaries HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: {declared}\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head));
            await socket.SendAsync(sent);
            socket.Shutdown(SocketShutdown.Send);

            var buffer = new byte[4096];
            var read = 0;
            try
            {
                read = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (SocketException)
            {
                // A reset is an acceptable answer to a request that broke the protocol.
            }

            var answer = Encoding.ASCII.GetString(buffer, 0, read);
            Assert.False(answer.StartsWith("HTTP/1.1 5", StringComparison.Ordinal), answer);
        }

        using var health = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static HttpRequestMessage RandomPost(Random random)
    {
        var provider = Providers[random.Next(Providers.Length)];
        var uri = new Uri("/api/summaries" + (provider.Length == 0 ? string.Empty : "?provider=" + provider), UriKind.Relative);
        var body = RandomBody(random);
        HttpContent content = random.Next(3) == 0
            ? new StreamContent(new UnknownLengthStream(body))
            : new ByteArrayContent(body);
        if (random.Next(12) != 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", random.Next(6) == 0 ? RandomAscii(random, 30) : ContentTypes[random.Next(ContentTypes.Length)]);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        switch (random.Next(6))
        {
            case 0:
                content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip");
                break;
            case 1:
                request.Headers.ExpectContinue = true;
                break;
            case 2:
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
                break;
            case 3:
                request.Headers.TryAddWithoutValidation("X-Random", RandomAscii(random, 200));
                break;
            default:
                break;
        }

        return request;
    }

    private static HttpRequestMessage RandomGet(Random random)
    {
        var name = new StringBuilder();
        var length = random.Next(0, random.Next(3) == 0 ? 1100 : 60);
        for (var i = 0; i < length; i++)
        {
            name.Append(random.Next(8) switch
            {
                0 => "/",
                1 => "..",
                2 => "%" + random.Next(256).ToString("X2", CultureInfo.InvariantCulture),
                3 => ".summary.json",
                4 => Uri.EscapeDataString(Words[random.Next(Words.Length)]),
                _ => ((char)random.Next('a', 'z' + 1)).ToString(),
            });
        }

        return new HttpRequestMessage(HttpMethod.Get, new Uri("/api/summaries/" + name, UriKind.Relative));
    }

    private static byte[] RandomBody(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
            {
                var bytes = new byte[random.Next(0, MaxBytes * 2)];
                random.NextBytes(bytes);
                return bytes;
            }

            case 1:
                return Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 400)));
            case 2:
                return Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { text = RandomText(random, random.Next(0, 300)), title = random.Next(2) == 0 ? null : RandomText(random, 5) }));
            case 3:
            {
                string[] fragments =
                [
                    "{", "}", "[", "]", "\"text\"", ":", ",", "\"title\"", "null", "42", "true", "\"\\ud800\"", "\"\\u0000\"",
                    "\"وافق المجلس\"", " ", "\"text\":", "{\"text\":\"", "/*c*/", "\\", "\"",
                ];
                var builder = new StringBuilder();
                for (var i = random.Next(0, 60); i > 0; i--)
                {
                    builder.Append(fragments[random.Next(fragments.Length)]);
                }

                return Encoding.UTF8.GetBytes(builder.ToString());
            }

            case 4:
                // Around the limit: just under, at, and over.
                return Encoding.UTF8.GetBytes(new string('a', MaxBytes + random.Next(-2, 3)));
            default:
                return Encoding.UTF8.GetBytes(new string('[', random.Next(1, 5000)));
        }
    }

    private static string RandomText(Random random, int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            builder.Append(Words[random.Next(Words.Length)]).Append(' ');
        }

        return builder.ToString();
    }

    private static string RandomAscii(Random random, int maxLength)
    {
        var chars = new char[random.Next(1, maxLength)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7F);
        }

        return new string(chars);
    }
}
