using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsSummarizer.Tests.Cli;

/// <summary><c>newsum eval --cv K --repeat N</c> on a small EASC-layout folder written here, run as its own process:
/// the JSON carries every dealing, the fixed one first, and their mean; a bad --repeat is refused.</summary>
public sealed class EvalCrossValidationTests : IDisposable
{
    private static readonly string[] Sentences =
    [
        "افتتح المسؤولون جسرا جديدا فوق النهر يوم الثلاثاء بعد ثلاث سنوات من العمل.",
        "يحمل الجسر مئة حافلة في اليوم ومسارا للدراجات على كل جانب.",
        "انخفضت حركة المرور على المعبر القديم بمقدار الثلث في الساعات الأولى.",
        "قال أصحاب المتاجر قرب المعبر القديم إنهم يخشون خسارة زبائنهم.",
        "تخطط المدينة لإغلاق المعبر القديم للإصلاح في الربيع المقبل.",
        "بلغت تكلفة المشروع عشرين مليونا وهو أقل مما رصده المجلس.",
    ];

    private readonly string root = Directory.CreateTempSubdirectory("newsum-cv-").FullName;

    [Fact]
    public async Task Eval_CrossValidationRepeated_WritesEveryDealingAndTheirMean()
    {
        var dataset = WriteEasc(topics: 6);
        var json = Path.Combine(root, "cv.json");

        var (exitCode, log) = await NewsumProcess.RunAsync("eval", "--dataset", dataset, "--cv", "3", "--repeat", "4", "--json-out", json);

        Assert.True(exitCode == 0, $"newsum exited with {exitCode}:\n{log}");
        Assert.Contains("4 dealings (the fixed one above, then 3 seeded shuffles)", log, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var result = document.RootElement;
        Assert.Equal(3, result.GetProperty("folds").GetInt32());
        Assert.Equal(4, result.GetProperty("repeats").GetInt32());
        var partitions = result.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], partitions.Select(p => p.GetProperty("repeat").GetInt32()));
        Assert.All(partitions, p => Assert.Equal(3, p.GetProperty("chosen").GetArrayLength()));
        Assert.Equal(result.GetProperty("rouge1Margin").GetDouble(), partitions[0].GetProperty("rouge1Margin").GetDouble());
        Assert.Equal(
            partitions.Average(p => p.GetProperty("rouge1Margin").GetDouble()),
            result.GetProperty("repeatedRouge1Margin").GetDouble(),
            1);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public async Task Eval_CrossValidationWithoutDealings_IsRefused(string repeats)
    {
        var dataset = WriteEasc(topics: 4);

        var (exitCode, log) = await NewsumProcess.RunAsync("eval", "--dataset", dataset, "--cv", "2", "--repeat", repeats, "--json-out", Path.Combine(root, "cv.json"));

        Assert.True(exitCode == 2, $"newsum exited with {exitCode}:\n{log}");
        Assert.Contains("--repeat needs at least 1 dealing.", log, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    // Articles/TopicN/a.txt with the sentences rotated per topic, and two references of three sentences each.
    private string WriteEasc(int topics)
    {
        var dataset = Path.Combine(root, "easc");
        for (var t = 1; t <= topics; t++)
        {
            var topic = "Topic" + t.ToString(CultureInfo.InvariantCulture);
            var sentences = Sentences.Skip(t % Sentences.Length).Concat(Sentences.Take(t % Sentences.Length)).ToList();
            Write(Path.Combine(dataset, "Articles", topic, "a.txt"), string.Join(' ', sentences));
            Write(Path.Combine(dataset, "MTurk", topic, "D1.A"), string.Join(' ', sentences.Take(3)));
            Write(Path.Combine(dataset, "MTurk", topic, "D1.B"), string.Join(' ', sentences.Skip(1).Take(3)));
        }

        return dataset;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(true));
    }
}
