using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Azure.Storage.Blobs;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsSummarizer.Testing.FunctionsHost.Rpc;

namespace NewsSummarizer.Testing.FunctionsHost;

/// <summary>Stands in for the Azure Functions host in tests: serves <c>FunctionRpc.EventStream</c> over h2c on a free
/// loopback port, launches the built <c>NewsSummarizer.Functions.dll</c> as the host launches a dotnet-isolated worker,
/// and drives it through the protocol (StartStream, WorkerInitRequest, FunctionsMetadataRequest, one
/// FunctionLoadRequest per function, then InvocationRequests), with the worker's RpcLog and console in the log.</summary>
/// <remarks>It proves what the worker does with what the host sends: bindings and their converters, DI, settings,
/// routes and serialisation. It does not prove what only the host does (Event Grid delivery, blob receipts, the
/// trigger's retries and poison queue, function keys, scale, host.json extension settings).</remarks>
public sealed class FunctionsHostStandIn : IAsyncDisposable
{
    /// <summary>How long the stand-in waits for the worker to open its stream and load its functions (a cold JIT on a
    /// busy machine).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly WebApplication server;
    private readonly WorkerChannel channel;
    private readonly Process worker;
    private readonly Action<string> log;
    private readonly Dictionary<string, RpcFunctionMetadata> functions = new(StringComparer.Ordinal);
    private readonly HttpClient workerHttp = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
    private readonly List<HttpInvocation> httpInvocations = [];

    private FunctionsHostStandIn(WebApplication server, WorkerChannel channel, Process worker, Action<string> log)
    {
        this.server = server;
        this.channel = channel;
        this.worker = worker;
        this.log = log;
        // Should the test process end without disposing the stand-in, the worker goes with it.
        AppDomain.CurrentDomain.ProcessExit += KillWorker;
        Client = new HttpClient(new HostHttpProxy(this)) { BaseAddress = new Uri("http://functions-host.test/") };
    }

    /// <summary>Where the tests' build puts the Functions app (the directory <c>azd deploy</c> would zip).</summary>
    public static string AppDirectory { get; } = RepoPaths.Of(Path.Combine(
        "src", "NewsSummarizer.Functions", "bin", BuildConfiguration, "net10.0"));

    /// <summary>The worker's ASP.NET Core integration address (its <c>HttpUri</c> capability).</summary>
    public Uri HttpUri { get; private set; } = null!;

    /// <summary>A client for the app's HTTP routes as the host serves them (<c>/api/...</c>): each request becomes an
    /// invocation and is proxied to the worker.</summary>
    public HttpClient Client { get; }

    /// <summary>The functions the worker declared and loaded, by name.</summary>
    public IReadOnlyDictionary<string, RpcFunctionMetadata> Functions => functions;

    public int WorkerProcessId => worker.Id;

    public bool WorkerHasExited => worker.HasExited;

    public IReadOnlyCollection<RpcLog> Logs => channel.Logs;

    /// <summary>The invocation responses of the HTTP requests sent through <see cref="Client"/>, in order.</summary>
    public IReadOnlyList<HttpInvocation> HttpInvocations
    {
        get
        {
            lock (httpInvocations)
            {
                return [.. httpInvocations];
            }
        }
    }

    internal HttpRoutes Routes { get; private set; } = null!;

    private static string BuildConfiguration => typeof(FunctionsHostStandIn).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    /// <param name="settings">App settings, as the host passes them: environment variables (<c>:</c> becomes <c>__</c>).</param>
    /// <param name="log">Where the worker's logs and console go (e.g. the test output).</param>
    public static async Task<FunctionsHostStandIn> StartAsync(IDictionary<string, string?> settings, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var app = Path.Combine(AppDirectory, "NewsSummarizer.Functions.dll");
        if (!File.Exists(app))
        {
            throw new FileNotFoundException($"The Functions app is not built at {app}: build the solution (dotnet build) first.", app);
        }

        var channel = new WorkerChannel(log);
        var server = await StartServerAsync(channel);
        Process? worker = null;
        try
        {
            worker = Launch(app, new Uri(server.Urls.Single()), settings, log);
            var host = new FunctionsHostStandIn(server, channel, worker, log);
            await host.InitializeAsync().WaitAsync(StartTimeout);
            return host;
        }
        catch
        {
            if (worker is { HasExited: false })
            {
                worker.Kill(entireProcessTree: true);
            }

            worker?.Dispose();
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invokes a function as the host does and waits for its <c>InvocationResponse</c>.</summary>
    public async Task<InvocationResponse> InvokeAsync(
        string function,
        IEnumerable<ParameterBinding> inputs,
        IDictionary<string, TypedData> triggerMetadata,
        string? invocationId = null,
        CancellationToken cancellationToken = default)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocationId ?? Guid.NewGuid().ToString(),
            FunctionId = FunctionId(function),
            TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
        };
        request.InputData.AddRange(inputs);
        request.TriggerMetadata.Add(triggerMetadata);
        var answer = await channel.RequestAsync(new StreamingMessage { InvocationRequest = request }, cancellationToken);
        return answer.InvocationResponse;
    }

    /// <summary>A blob trigger's invocation for a <c>BlobClient</c> parameter (deferred binding): the input is model
    /// binding data naming the connection setting, container and blob, which the worker's blob converter turns into a
    /// client; trigger metadata as the host's blob trigger binding data.</summary>
    public async Task<InvocationResponse> InvokeBlobTriggerAsync(
        string function, BlobClient blob, string? invocationId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var (name, binding) = Trigger(function, "blobTrigger");
        var content = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["Connection"] = Property(binding, "connection") ?? "AzureWebJobsStorage",
            ["ContainerName"] = blob.BlobContainerName,
            ["BlobName"] = blob.Name,
        });
        var input = new ParameterBinding
        {
            Name = name,
            Data = new TypedData
            {
                ModelBindingData = new ModelBindingData
                {
                    Version = "1.0",
                    Source = "AzureStorageBlobs",
                    ContentType = "application/json",
                    Content = ByteString.CopyFrom(content),
                },
            },
        };
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var metadata = new Dictionary<string, TypedData>
        {
            ["BlobTrigger"] = Text($"{blob.BlobContainerName}/{blob.Name}"),
            ["Uri"] = Json(JsonSerializer.Serialize(blob.Uri.AbsoluteUri)),
            ["name"] = Text(blob.Name),
            ["Properties"] = Json(JsonSerializer.Serialize(new
            {
                properties.ContentType,
                ContentLength = properties.ContentLength,
                ETag = properties.ETag.ToString(),
                properties.LastModified,
            })),
            ["Metadata"] = Json(JsonSerializer.Serialize(properties.Metadata)),
        };
        return await InvokeAsync(function, [input], metadata, invocationId, cancellationToken);
    }

    /// <summary>A queue trigger's invocation for a <c>string</c> parameter: the host decodes the message and passes its
    /// text, with the message's fields as trigger metadata.</summary>
    public Task<InvocationResponse> InvokeQueueTriggerAsync(
        string function, string message, long dequeueCount = 1, string? invocationId = null, CancellationToken cancellationToken = default)
    {
        var (name, _) = Trigger(function, "queueTrigger");
        var now = DateTimeOffset.UtcNow;
        var metadata = new Dictionary<string, TypedData>
        {
            ["QueueTrigger"] = Text(message),
            ["DequeueCount"] = Json(dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["Id"] = Text(Guid.NewGuid().ToString()),
            ["PopReceipt"] = Text(Guid.NewGuid().ToString("N")),
            ["InsertionTime"] = Json(JsonSerializer.Serialize(now)),
            ["ExpirationTime"] = Json(JsonSerializer.Serialize(now.AddDays(7))),
            ["NextVisibleTime"] = Json(JsonSerializer.Serialize(now.AddSeconds(30))),
        };
        return InvokeAsync(function, [new ParameterBinding { Name = name, Data = Text(message) }], metadata, invocationId, cancellationToken);
    }

    /// <summary>Sends <c>InvocationCancel</c> (the host does when the invocation's cancellation token fires).</summary>
    public ValueTask CancelAsync(string invocationId) =>
        channel.SendAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });

    /// <summary>Sends <c>WorkerTerminate</c> and, as the host does, gives the worker the grace period to exit before it
    /// kills the process. True when the worker exited on its own.</summary>
    public async Task<bool> TerminateAsync(TimeSpan gracePeriod)
    {
        if (worker.HasExited)
        {
            return true;
        }

        await channel.SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(gracePeriod) } });
        try
        {
            await worker.WaitForExitAsync().WaitAsync(gracePeriod);
            return true;
        }
        catch (TimeoutException)
        {
            log($"[host] the worker did not exit within the {gracePeriod.TotalSeconds} s grace period; killing it");
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TerminateAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }

            AppDomain.CurrentDomain.ProcessExit -= KillWorker;
            worker.Dispose();
            Client.Dispose();
            workerHttp.Dispose();
            await server.DisposeAsync();
        }
    }

    private void KillWorker(object? sender, EventArgs e)
    {
        try
        {
            worker.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    internal static TypedData Text(string value) => new() { String = value };

    internal static TypedData Json(string value) => new() { Json = value };

    internal Task<HttpResponseMessage> SendToWorkerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        workerHttp.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);

    internal void RecordHttpInvocation(string function, InvocationResponse response)
    {
        lock (httpInvocations)
        {
            httpInvocations.Add(new HttpInvocation(function, response));
        }
    }

    internal void Log(string line) => log(line);

    private static async Task<WebApplication> StartServerAsync(WorkerChannel channel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, FreePort.Next(), listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = null;
            options.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(channel);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync();
        return app;
    }

    // As the host's RpcWorkerProcess does: `dotnet App.dll` with the --functions-* switches, in the app's directory,
    // with FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_APPLICATION_DIRECTORY and every app setting in the environment.
    private static Process Launch(string app, Uri grpcUri, IDictionary<string, string?> settings, Action<string> log)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            app, "--functions-uri", grpcUri.AbsoluteUri, "--functions-worker-id", Guid.NewGuid().ToString(),
            "--functions-request-id", Guid.NewGuid().ToString(), "--functions-grpc-max-message-length", "2147483647",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = start.WorkingDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = start.WorkingDirectory;
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Forward(log, "stdout", e.Data);
        process.ErrorDataReceived += (_, e) => Forward(log, "stderr", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Forward(Action<string> log, string stream, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            log($"[worker {stream}] {line}");
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    private static string? Property(JsonElement binding, string name) =>
        binding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task InitializeAsync()
    {
        var exited = worker.WaitForExitAsync();
        var started = await Task.WhenAny(channel.Started, exited);
        if (started == exited)
        {
            throw new InvalidOperationException($"The worker exited with code {worker.ExitCode} before it opened its stream (see the log).");
        }

        log($"[host] worker {await channel.Started} connected (process {worker.Id})");
        var init = (await channel.RequestAsync(
            new StreamingMessage
            {
                WorkerInitRequest = new WorkerInitRequest
                {
                    HostVersion = "4.1040.0.0 (NewsSummarizer test stand-in)",
                    WorkerDirectory = AppDirectory,
                    FunctionAppDirectory = AppDirectory,
                },
            },
            CancellationToken.None)).WorkerInitResponse;
        Succeeded(init.Result, "WorkerInitRequest");
        HttpUri = init.Capabilities.TryGetValue("HttpUri", out var uri) ? new Uri(uri)
            : throw new InvalidOperationException("The worker did not advertise HttpUri: the ASP.NET Core integration is off.");
        log($"[host] worker {init.WorkerVersion}, HTTP at {HttpUri}");

        var metadata = (await channel.RequestAsync(
            new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = AppDirectory } },
            CancellationToken.None)).FunctionMetadataResponse;
        Succeeded(metadata.Result, "FunctionsMetadataRequest");
        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asked for host indexing (functions.metadata); the app is built for worker indexing.");
        }

        foreach (var function in metadata.FunctionMetadataResults)
        {
            if (string.IsNullOrEmpty(function.FunctionId))
            {
                function.FunctionId = Guid.NewGuid().ToString();
            }

            var loaded = (await channel.RequestAsync(
                new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function } },
                CancellationToken.None)).FunctionLoadResponse;
            Succeeded(loaded.Result, $"FunctionLoadRequest {function.Name}");
            functions[function.Name] = function;
        }

        Routes = HttpRoutes.From(functions.Values, HostJsonRoutePrefix());
        log($"[host] loaded {functions.Count} functions: {string.Join(", ", functions.Keys)}");
    }

    private static void Succeeded(StatusResult result, string step)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{step} failed: {result.Exception?.Message}\n{result.Exception?.StackTrace}");
        }
    }

    // host.json extensions.http.routePrefix, "api" when not set.
    private static string HostJsonRoutePrefix()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppDirectory, "host.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return hostJson.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? string.Empty
            : "api";
    }

    private string FunctionId(string function) => functions.TryGetValue(function, out var metadata)
        ? metadata.FunctionId
        : throw new ArgumentException($"The worker has no function named {function}; it has {string.Join(", ", functions.Keys)}.", nameof(function));

    private (string Name, JsonElement Binding) Trigger(string function, string type)
    {
        _ = FunctionId(function);
        foreach (var raw in functions[function].RawBindings)
        {
            var binding = JsonDocument.Parse(raw).RootElement;
            if (string.Equals(Property(binding, "type"), type, StringComparison.OrdinalIgnoreCase))
            {
                return (Property(binding, "name")!, binding);
            }
        }

        throw new ArgumentException($"{function} has no {type} binding.", nameof(function));
    }

    /// <summary>An invocation's status, with the exception's message and stack when it failed.</summary>
    public static string Describe(InvocationResponse response) =>
        response.Result.Status == StatusResult.Types.Status.Success
            ? "Success"
            : $"{response.Result.Status}: {response.Result.Exception?.Message}\n{response.Result.Exception?.StackTrace}";
}

/// <summary>An HTTP request's invocation: the function the host routed it to and the worker's answer.</summary>
public sealed record HttpInvocation(string Function, InvocationResponse Response);
