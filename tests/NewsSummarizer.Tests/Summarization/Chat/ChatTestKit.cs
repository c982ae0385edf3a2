using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsSummarizer.Tests.Summarization.Chat;

/// <summary>A Moq chat model that records every request and answers with valid bilingual replies, and helpers to
/// read the prompt's data section.</summary>
internal static partial class ChatTestKit
{
    /// <summary>A chat summariser over <paramref name="chat"/>, by default an Azure OpenAI deployment with the
    /// default settings and a tokenizer of its own.</summary>
    public static ChatSummarizer Summarizer(
        IChatClient chat, SummarizerOptions? options = null, ChatModelInfo? model = null, TokenCounter? tokens = null)
    {
        // The recoveries of one call are the pipeline's layers in production: the same layers over the mocked model.
        model ??= new ChatModelInfo(ModelProvider.AzureOpenAI, "gpt-test");
        var pipeline = new ChatClientBuilder(chat).UseModelRecoveries(model, TimeProvider.System, NullLoggerFactory.Instance).Build();
        return new(pipeline, model, Options.Create(options ?? new SummarizerOptions()), tokens ?? new TokenCounter(), NullLogger<ChatSummarizer>.Instance);
    }

    /// <summary>A model that records each call's messages (copied at call time) and replies with
    /// <paramref name="reply"/> for the n-th call (0-based).</summary>
    public static Mock<IChatClient> RecordingModel(List<List<ChatMessage>> calls, Func<int, string>? reply = null)
    {
        var model = new Mock<IChatClient>(MockBehavior.Strict);
        model.Setup(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<ChatMessage> messages, ChatOptions? _, CancellationToken _) =>
            {
                calls.Add([.. messages]);
                var text = (reply ?? (n => ReplyJson(n)))(calls.Count - 1);
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
                {
                    Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 50 },
                };
            });
        return model;
    }

    /// <summary>A valid reply whose summaries carry the number <paramref name="n"/>.</summary>
    public static string ReplyJson(int n) => JsonSerializer.Serialize(new
    {
        title = new { ar = "الوزير يعلن الميزانية الجديدة", en = "Minister announces the new budget" },
        summary = new { ar = ArabicSummary(n), en = EnglishSummary(n) },
        keyPoints = new { ar = new[] { "أعلن الوزير الميزانية الجديدة" }, en = new[] { "The minister announced the new budget." } },
    });

    public static string EnglishSummary(int n) => string.Create(CultureInfo.InvariantCulture, $"Summary number {n} says the minister spoke.");

    public static string ArabicSummary(int n) => string.Create(CultureInfo.InvariantCulture, $"الملخص رقم {n} يقول إن الوزير تحدث عن الميزانية.");

    /// <summary>Splits a user message into what precedes the opening marker, the data between the real markers, what
    /// follows the closing marker, and the marker id.</summary>
    public static (string Before, string Data, string After, string Id) Sections(string userMessage)
    {
        var open = OpenMarker().Match(userMessage);
        Assert.True(open.Success, "The user message has no opening article marker.");
        var id = open.Groups["id"].Value;
        var close = $"\n<<<END ARTICLE id={id}>>>";
        var closeAt = userMessage.LastIndexOf(close, StringComparison.Ordinal);
        Assert.True(closeAt > open.Index, "The user message has no closing marker with the opening marker's id.");
        var dataStart = open.Index + open.Length + 1;
        return (userMessage[..open.Index], userMessage[dataStart..closeAt], userMessage[(closeAt + close.Length)..], id);
    }

    /// <summary>The article's lines in a data section, without the "Title:" line the prompt puts first.</summary>
    public static IEnumerable<string> ArticleLines(string data)
    {
        var lines = data.Split('\n');
        return lines.Length > 1 && lines[0].StartsWith("Title: ", StringComparison.Ordinal) && lines[1].Length == 0 ? lines[2..] : lines;
    }

    [GeneratedRegex(@"^<<<ARTICLE id=(?<id>[0-9a-f]{16})>>>$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OpenMarker();
}
