using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;

namespace NewsSummarizer.Testing;

/// <summary>One Azurite (blob + queue) from the repository's node_modules on free loopback ports: in memory, or
/// persisted in a folder so that it can be stopped and started again on the same ports with the same data. The tests'
/// fixture, the benchmarks and the throughput harness all start this one.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly StringBuilder output = new();
    private readonly string? location;
    private readonly int tablePort = FreePort.Next();
    private Process? process;

    /// <param name="location">A folder to persist data in; <c>null</c> keeps everything in memory.</param>
    public AzuriteProcess(string? location = null) => this.location = location;

    public int BlobPort { get; } = FreePort.Next();

    public int QueuePort { get; } = FreePort.Next();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;";

    public BlobServiceClient BlobService => new(ConnectionString);

    /// <summary>A started in-memory Azurite (stopped again if it does not come up).</summary>
    public static async Task<AzuriteProcess> StartInMemoryAsync()
    {
        var azurite = new AzuriteProcess();
        try
        {
            await azurite.StartAsync().ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task StartAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({script} is missing). Run `npm ci` in {RepoPaths.Root} (building the test kit does this when node is on PATH).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(script))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("Cannot start Azurite: `node` is not on PATH. Install Node.js 20 or later.", exception);
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(BlobPort, TimeSpan.FromSeconds(30), Diagnostics);
        await FreePort.WaitUntilListeningAsync(QueuePort, TimeSpan.FromSeconds(30), Diagnostics);
    }

    /// <summary>Stops Azurite: clients see refused connections until it starts again. It gets SIGTERM first so a
    /// persisted instance saves what it holds (Azurite's metadata store saves lazily; a SIGKILL loses recent writes,
    /// which is the emulator's durability, not the outage under test).</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private IEnumerable<string> Arguments(string script)
    {
        string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
        yield return script;
        foreach (var flag in new[] { "--silent", "--skipApiVersionCheck", "--disableTelemetry" })
        {
            yield return flag;
        }

        if (location is null)
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            yield return "--location";
            yield return location;
        }

        foreach (var (service, port) in new[] { ("blob", BlobPort), ("queue", QueuePort), ("table", tablePort) })
        {
            yield return $"--{service}Host";
            yield return "127.0.0.1";
            yield return $"--{service}Port";
            yield return Port(port);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Diagnostics()
    {
        lock (output)
        {
            return $"Azurite exited: {process?.HasExited}. Output: {output}";
        }
    }
}
