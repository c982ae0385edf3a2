namespace NewsSummarizer.IntegrationTests.Corpus;

/// <summary>One upload and the result it must get: <c>rejected</c> with a code, or <c>ok</c> with a language and
/// the encoding it was read with.</summary>
public sealed record CorpusCase(string Id, string BlobName, byte[] Content, string? ContentType, CorpusExpectation Expected)
{
    public override string ToString() => Id;
}

public sealed record CorpusExpectation(string Status, string? ErrorCode = null, string? Language = null, string? Encoding = null)
{
    public static CorpusExpectation Rejected(string code) => new("rejected", ErrorCode: code);

    public static CorpusExpectation Ok(string language, string encoding = "utf-8") => new("ok", Language: language, Encoding: encoding);
}
