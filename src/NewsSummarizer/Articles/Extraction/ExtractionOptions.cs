using System.ComponentModel.DataAnnotations;

namespace NewsSummarizer.Articles.Extraction;

/// <summary>The extractor processes (section <c>Extraction</c>; docs/inputs.md, "What runs where").</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    /// <summary>Extractor processes at most (<c>Extraction__PoolSize</c>); 0 means one per core, at most four.
    /// Each holds up to <see cref="MemoryLimitMegabytes"/> while it reads.</summary>
    [Range(0, 64)]
    public int PoolSize { get; set; }

    /// <summary>CPU time one document may cost (<c>Extraction__CpuBudgetSeconds</c>); the process reading it is killed
    /// past that and the article rejected <c>too-complex</c> (<c>document-too-complex</c> for Word and PDF).</summary>
    [Range(0.1, 600)]
    public double CpuBudgetSeconds { get; set; } = 20;

    /// <summary>Memory one extractor process may hold (<c>Extraction__MemoryLimitMegabytes</c>): its managed heap is capped
    /// at three quarters of it (<c>DOTNET_GCHeapHardLimit</c>) and its resident size is watched; past either the
    /// article is rejected <c>too-large-in-memory</c> and the process replaced.</summary>
    [Range(128, 16_384)]
    public int MemoryLimitMegabytes { get; set; } = 768;

    /// <summary>Jobs one process serves before it is replaced by a fresh one (<c>Extraction__MaxJobsPerProcess</c>), so
    /// what a library caches or leaks cannot pile up.</summary>
    [Range(1, 1_000_000)]
    public int MaxJobsPerProcess { get; set; } = 500;

    /// <summary>The extractor's entry assembly (<c>Extraction__ExtractorPath</c>); by default
    /// <c>NewsSummarizer.Extractor.dll</c> beside the host's own assemblies, where every host's build puts it.</summary>
    public string? ExtractorPath { get; set; }

    /// <summary>The pool size in force: <see cref="PoolSize"/>, or one per core up to four.</summary>
    public int EffectivePoolSize => PoolSize > 0 ? PoolSize : Math.Clamp(Environment.ProcessorCount, 1, 4);

    public TimeSpan CpuBudget => TimeSpan.FromSeconds(CpuBudgetSeconds);

    /// <summary>Wall-clock time a job may take, for a process that waits instead of computing: four times the CPU
    /// budget, and at least ten seconds.</summary>
    public TimeSpan WallClockBudget => TimeSpan.FromSeconds(Math.Max(10, CpuBudgetSeconds * 4));

    public long MemoryLimitBytes => MemoryLimitMegabytes * 1024L * 1024;

    /// <summary>The managed heap's hard limit inside the process: three quarters of the memory limit, so a managed
    /// allocation fails (and is reported) before the resident size reaches the limit the parent kills at.</summary>
    public long HeapHardLimitBytes => MemoryLimitBytes / 4 * 3;
}
