using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using NewsSummarizer.Testing.FunctionsHost.Rpc;

namespace NewsSummarizer.Testing.FunctionsHost;

/// <summary>The host's end of the one <c>EventStream</c> a worker opens: what the host sends goes through a queue,
/// what the worker answers completes the request it names (the worker copies <c>request_id</c> into its answer), and
/// its <c>RpcLog</c> messages go to the log.</summary>
internal sealed class WorkerChannel(Action<string> log)
{
    private readonly Channel<StreamingMessage> outbound = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The worker id of the <c>StartStream</c> message that opened the stream.</summary>
    public Task<string> Started => started.Task;

    /// <summary>Ends when the worker's stream ends (it exited or closed the channel).</summary>
    public Task Closed => closed.Task;

    public ConcurrentQueue<RpcLog> Logs { get; } = new();

    /// <summary>Sends a request and waits for the worker's answer to it.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, CancellationToken cancellationToken)
    {
        request.RequestId = Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[request.RequestId] = answer;
        try
        {
            if (closed.Task.IsCompleted)
            {
                throw new InvalidOperationException("The worker's stream has ended.");
            }

            await SendAsync(request);
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            pending.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Sends a message that has no answer (<c>InvocationCancel</c>, <c>WorkerTerminate</c>).</summary>
    public ValueTask SendAsync(StreamingMessage message) => outbound.Writer.WriteAsync(message);

    /// <summary>Serves the stream until the worker closes it or the server stops.</summary>
    public async Task RunAsync(
        IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken) || requests.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The first message of a worker's stream must be StartStream."));
        }

        started.TrySetResult(requests.Current.StartStream.WorkerId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteAsync(responses, stop.Token);
        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                Receive(requests.Current);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            log($"[host] the worker's stream ended: {e.Message}");
        }
        finally
        {
            closed.TrySetResult();
            foreach (var waiting in pending.Values)
            {
                waiting.TrySetException(new InvalidOperationException("The worker closed its stream before it answered."));
            }

            await stop.CancelAsync();
            try
            {
                await writing;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        await foreach (var message in outbound.Reader.ReadAllAsync(cancellationToken))
        {
            await responses.WriteAsync(message, cancellationToken);
        }
    }

    private void Receive(StreamingMessage message)
    {
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            var entry = message.RpcLog;
            Logs.Enqueue(entry);
            var exception = entry.Exception is null ? string.Empty : $" | {entry.Exception.Message}";
            log($"[worker {entry.Level}] {entry.Category}: {entry.Message}{exception}");
            return;
        }

        if (!string.IsNullOrEmpty(message.RequestId) && pending.TryGetValue(message.RequestId, out var waiting))
        {
            waiting.TrySetResult(message);
        }
    }
}

/// <summary>The gRPC service a worker connects to (<c>--functions-uri</c>).</summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
