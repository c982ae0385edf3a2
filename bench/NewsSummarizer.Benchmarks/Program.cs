using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(NewsSummarizer.Benchmarks.ExtractiveSummarizerBenchmarks).Assembly).Run(args);
