namespace NewsSummarizer.IntegrationTests.Corpus;

/// <summary>The whole hostile corpus through the running DevHost (blob trigger on Azurite, a model provider on the
/// fake model server, the default 1 MiB article limit), with a normal article alongside: every article ends in its
/// expected result, the host answers <c>GET /api/health</c> throughout, and the normal article is summarised.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileCorpusDevHostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // A guard against a hang, not a performance threshold: docs/benchmarks.md has the measured times.
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Upload_HostileCorpusWithANormalArticle_EveryArticleGetsItsResultAndTheHostKeepsServing()
    {
        await using var model = await FakeModelServer.StartAsync();
        var container = await azurite.CreateContainerAsync("hostile");
        await using var host = await DevHostRunner.StartAsync(azurite, container.Name, model.OpenAISettings());
        var http = host.Client;
        using var stopProbing = new CancellationTokenSource();
        var probing = ProbeHealthAsync(http, stopProbing.Token);

        CorpusCase[] cases = [HostileCorpus.Normal, .. HostileCorpus.Cases];
        foreach (var corpusCase in cases)
        {
            await container.GetBlobClient(corpusCase.BlobName).UploadAsync(
                BinaryData.FromBytes(corpusCase.Content),
                new BlobUploadOptions { HttpHeaders = corpusCase.ContentType is null ? null : new BlobHttpHeaders { ContentType = corpusCase.ContentType } });
        }

        var mismatches = new List<string>();
        foreach (var corpusCase in cases)
        {
            var document = await StoredResults.WaitForAsync(container, corpusCase.BlobName, null, ResultTimeout);
            output.WriteLine($"{corpusCase.Id}: {document.Status} {document.Error?.Code} {document.DurationMs} ms");
            if (WireNames.Of(document.Status) != corpusCase.Expected.Status || document.Error?.Code != corpusCase.Expected.ErrorCode)
            {
                mismatches.Add($"{corpusCase.Id}: expected {corpusCase.Expected.Status} {corpusCase.Expected.ErrorCode}, got {document.Status} {document.Error?.Code} ({document.Error?.Message})");
            }
        }

        await stopProbing.CancelAsync();
        var (probes, failures) = await probing;
        Assert.Empty(mismatches);
        Assert.Empty(failures);
        Assert.True(probes > 0, "The health endpoint was never probed.");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("api/health", UriKind.Relative))).StatusCode);
    }

    /// <summary>Asks for <c>/api/health</c> every quarter second until stopped; every answer but 200 is a failure.</summary>
    private static async Task<(int Probes, List<string> Failures)> ProbeHealthAsync(HttpClient http, CancellationToken stop)
    {
        var failures = new List<string>();
        var probes = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative), stop);
                probes++;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {(int)response.StatusCode}");
                }

                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {exception.Message}");
            }
        }

        return (probes, failures);
    }
}
