using System.Reflection;
using NewsSummarizer.Evaluation;
using NewsSummarizer.Functions;
using NewsSummarizer.Summarization.Extractive;

namespace NewsSummarizer.Tests.Evaluation;

/// <summary>Evaluation (ROUGE, stemmer, WordNet lists, EASC, tuning) lives in its own library, which depends on the
/// core; the core, and so the deployed Functions app, carries none of it.</summary>
public sealed class EvaluationBoundaryTests
{
    private const string EvaluationAssembly = "NewsSummarizer.Evaluation";

    [Fact]
    public void CoreAssembly_Types_NoneInEvaluationNamespace()
    {
        var leaked = typeof(ExtractiveSummarizer).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == EvaluationAssembly || ns.StartsWith(EvaluationAssembly + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(leaked);
    }

    [Fact]
    public void EvaluationTypes_Assembly_IsTheEvaluationLibrary()
    {
        Assert.Equal(EvaluationAssembly, typeof(Rouge).Assembly.GetName().Name);
        Assert.Equal(EvaluationAssembly, typeof(CrossValidation).Assembly.GetName().Name);
    }

    [Fact]
    public void FunctionsAssembly_ReferencedAssemblies_NeverReachTheEvaluationLibrary()
    {
        var reached = OwnAssembliesReachedFrom(typeof(FunctionsAppSetup).Assembly);

        Assert.Contains("NewsSummarizer", reached);
        Assert.DoesNotContain(EvaluationAssembly, reached);
    }

    [Fact]
    public void CoreAssembly_ReferencedAssemblies_DoNotIncludeTheEvaluationLibrary()
    {
        var references = typeof(ExtractiveSummarizer).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(EvaluationAssembly, references);
    }

    // The project's own assemblies (NewsSummarizer*) reachable through compile-time references, transitively.
    private static HashSet<string> OwnAssembliesReachedFrom(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("NewsSummarizer", StringComparison.Ordinal) && seen.Add(name))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return seen;
    }
}
