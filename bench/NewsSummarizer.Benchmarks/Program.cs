using BenchmarkDotNet.Running;

// `html-estimate FOLDER`: the HTML pre-scan against AngleSharp over saved pages (bench/html-corpus/get.sh).
if (args is ["html-estimate", var folder])
{
    return NewsSummarizer.Benchmarks.HtmlEstimateCheck.Run(folder);
}

BenchmarkSwitcher.FromAssembly(typeof(NewsSummarizer.Benchmarks.ExtractiveSummarizerBenchmarks).Assembly).Run(args);
return 0;
