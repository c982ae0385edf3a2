namespace NewsSummarizer.IntegrationTests.Http;

/// <summary>A stream whose length is unknown, so HttpClient sends it chunked, without Content-Length.</summary>
internal sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
{
    public override bool CanSeek => false;
}
