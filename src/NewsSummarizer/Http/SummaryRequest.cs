using System.Buffers;

namespace NewsSummarizer.Http;

/// <summary>The bytes <c>POST /api/summaries</c> carried, in a pooled buffer: dispose to return it.</summary>
public sealed class SummaryRequest : IDisposable
{
    private byte[]? buffer;
    private readonly int length;

    internal SummaryRequest(byte[] buffer, int length, string contentType)
    {
        this.buffer = buffer;
        this.length = length;
        ContentType = contentType;
    }

    /// <summary>The request's <c>Content-Type</c>, as sent.</summary>
    public string ContentType { get; }

    public ReadOnlySpan<byte> Content => ContentMemory.Span;

    /// <summary><see cref="Content"/>, for readers that await: valid until the request is disposed.</summary>
    public ReadOnlyMemory<byte> ContentMemory => buffer is null ? throw new ObjectDisposedException(nameof(SummaryRequest)) : buffer.AsMemory(0, length);

    public long Bytes => length;

    public void Dispose()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }
}
