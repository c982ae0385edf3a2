using System.Globalization;
using NewsSummarizer.Evaluation;

namespace NewsSummarizer.QualityGates;

/// <summary>Our ROUGE must reproduce the official ROUGE-1.5.5 F scores (-m, with its WordNet exception database)
/// that ship with the XSum system outputs, within 0.3 points.</summary>
public sealed class RougeCalibrationTests
{
    private const double Tolerance = 0.3;

    [Theory]
    [InlineData("lead")]
    [InlineData("ptgen")]
    public void Score_XsumSystem_ReproducesOfficialFScores(string system)
    {
        var dir = SharedData.Directory("xsum-rouge");
        var official = OfficialF(Path.Combine(dir, system + "-test-output.rouge"));
        var references = File.ReadAllLines(Path.Combine(dir, "gold-test-sentences.txt"));
        var outputs = File.ReadAllLines(Path.Combine(dir, system + "-test-output.txt"));
        Assert.Equal(references.Length, outputs.Length);
        var sut = CreateSut();

        var mean = RougeScores.Mean(outputs.Select((output, i) => sut.Score(output, references[i])).ToList());

        Assert.InRange(mean.Rouge1.F1 * 100, official[0] - Tolerance, official[0] + Tolerance);
        Assert.InRange(mean.Rouge2.F1 * 100, official[1] - Tolerance, official[1] + Tolerance);
        Assert.InRange(mean.RougeL.F1 * 100, official[3] - Tolerance, official[3] + Tolerance);
    }

    // "f-score >> ROUGE(1/2/3/L/SU4): 16.30/1.60/0.26/11.95/3.13"
    private static double[] OfficialF(string path)
    {
        var line = File.ReadLines(path).First(l => l.StartsWith("f-score", StringComparison.Ordinal));
        return line[(line.LastIndexOf(':') + 1)..].Trim().Split('/')
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }

    private static Rouge CreateSut()
    {
        var exceptions = WordNetExceptions.Load(WordNetExceptions.DebianDirectory)
            ?? throw new InvalidOperationException(
                $"WordNet exception lists are missing from {WordNetExceptions.DebianDirectory}. ROUGE-1.5.5 -m looks "
                + "irregular forms up in them before stemming; install them with 'apt-get install wordnet-base'.");
        return new Rouge(stem: true, exceptions: exceptions);
    }
}
