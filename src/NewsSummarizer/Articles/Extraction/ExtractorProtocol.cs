using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using NewsSummarizer.Articles.Formats;

namespace NewsSummarizer.Articles.Extraction;

/// <summary>The frames between the host and an extractor process over its standard input and output: a job is
/// a 4-byte little-endian length, then one byte of format-name length, the format's name (ASCII) and the content; a
/// reply is a 4-byte length and <see cref="ExtractionReply"/> as UTF-8 JSON. Nothing else is written on either pipe.</summary>
internal static class ExtractorProtocol
{
    /// <summary>Largest frame either side accepts: uploads are capped far below it, replies hold at most
    /// <see cref="Documents.DocumentLimits.MaxTextChars"/> characters.</summary>
    public const int MaxFrameBytes = 64 * 1024 * 1024;

    public static async Task WriteJobAsync(Stream output, ExtractionJob job, CancellationToken cancellationToken)
    {
        var name = Encoding.ASCII.GetBytes(job.Format);
        var header = new byte[5 + name.Length];
        BinaryPrimitives.WriteInt32LittleEndian(header, 1 + name.Length + job.Content.Length);
        header[4] = (byte)name.Length;
        name.CopyTo(header, 5);
        await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(job.Content, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next job, or <c>null</c> at the end of the input (the host closed the pipe or went away).</summary>
    public static ExtractionJob? ReadJob(Stream input)
    {
        if (ReadFrame(input) is not { } frame)
        {
            return null;
        }

        var nameLength = frame[0];
        return new ExtractionJob(Encoding.ASCII.GetString(frame, 1, nameLength), frame.AsMemory(1 + nameLength));
    }

    public static void WriteReply(Stream output, ExtractionReply reply)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(reply, ExtractorJson.Default.ExtractionReply);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        output.Write(length);
        output.Write(json);
        output.Flush();
    }

    public static async Task<ExtractionReply> ReadReplyAsync(Stream input, CancellationToken cancellationToken)
    {
        var length = new byte[4];
        await input.ReadExactlyAsync(length, cancellationToken).ConfigureAwait(false);
        var json = new byte[CheckedLength(length)];
        await input.ReadExactlyAsync(json, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(json, ExtractorJson.Default.ExtractionReply)
            ?? throw new InvalidDataException("The extractor replied with an empty frame.");
    }

    private static byte[]? ReadFrame(Stream input)
    {
        var length = new byte[4];
        var read = input.ReadAtLeast(length, 4, throwOnEndOfStream: false);
        if (read == 0)
        {
            return null;
        }

        if (read < 4)
        {
            throw new EndOfStreamException("The input ended inside a frame's length.");
        }

        var frame = new byte[CheckedLength(length)];
        input.ReadExactly(frame);
        return frame;
    }

    private static int CheckedLength(ReadOnlySpan<byte> prefix)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        return length is > 0 and <= MaxFrameBytes ? length : throw new InvalidDataException($"A frame of {length} bytes is out of range.");
    }
}

/// <summary>A <see cref="FormatExtraction"/> on the wire, plus the process's own word that it ran out of memory.</summary>
internal sealed record ExtractionReply(
    string? Text,
    string? Title,
    string? Language,
    string? Url,
    DateTimeOffset? PublishedAt,
    string? ErrorCode,
    string? ErrorMessage,
    bool OutOfMemory = false)
{
    public static ExtractionReply From(FormatExtraction extraction) => new(
        extraction.Text, extraction.Title, extraction.Language, extraction.Url?.AbsoluteUri, extraction.PublishedAt,
        extraction.Error?.Code, extraction.Error?.Message);

    public FormatExtraction ToExtraction()
    {
        if (ErrorCode is not null)
        {
            return FormatExtraction.Rejected(ErrorCode, ErrorMessage ?? ErrorCode);
        }

        return FormatExtraction.Extracted(Text ?? string.Empty, Title) with
        {
            Language = Language,
            Url = Uri.TryCreate(Url, UriKind.Absolute, out var url) ? url : null,
            PublishedAt = PublishedAt,
        };
    }
}

[JsonSerializable(typeof(ExtractionReply))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class ExtractorJson : JsonSerializerContext;
