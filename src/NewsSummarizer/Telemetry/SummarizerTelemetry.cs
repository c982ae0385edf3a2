using System.Diagnostics;
using System.Diagnostics.Metrics;
using NewsSummarizer.Summaries;

namespace NewsSummarizer.Telemetry;

/// <summary>Traces and metrics of the pipeline, under one name that every host subscribes to. No article text is
/// recorded: names, hashes, providers, statuses and numbers only.</summary>
public sealed class SummarizerTelemetry : IDisposable
{
    public const string Name = "NewsSummarizer";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter meter;
    private readonly Counter<long> articles;
    private readonly Histogram<double> modelLatency;
    private readonly Counter<long> inputTokens;
    private readonly Counter<long> outputTokens;

    public SummarizerTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(Name);
        articles = meter.CreateCounter<long>("newssummarizer.articles", "{article}", "Articles given a result, by status and provider.");
        modelLatency = meter.CreateHistogram<double>("newssummarizer.model.duration", "ms", "Time a summariser took for one article.");
        inputTokens = meter.CreateCounter<long>("newssummarizer.model.input_tokens", "{token}", "Input tokens the model was billed for.");
        outputTokens = meter.CreateCounter<long>("newssummarizer.model.output_tokens", "{token}", "Output tokens the model was billed for.");
    }

    /// <summary>Starts the span of one article; <c>null</c> when nobody listens.</summary>
    public static Activity? StartArticle(string operation, string? name)
    {
        var activity = ActivitySource.StartActivity(operation);
        activity?.SetTag("newssummarizer.article.name", name);
        return activity;
    }

    /// <summary>Records a written result on the current span and in the metrics.</summary>
    public void RecordResult(Activity? activity, SummaryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Tags are the names the result document writes, not the enum's own.
        var providerName = document.Model.Provider.Name;
        var statusName = WireNames.Of(document.Status);
        var provider = new KeyValuePair<string, object?>("newssummarizer.provider", providerName);
        var status = new KeyValuePair<string, object?>("newssummarizer.status", statusName);
        articles.Add(1, provider, status);
        if (document.Status == SummaryStatus.Ok)
        {
            modelLatency.Record(document.DurationMs, provider);
            inputTokens.Add(document.Model.InputTokens ?? 0, provider);
            outputTokens.Add(document.Model.OutputTokens ?? 0, provider);
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag("newssummarizer.article.sha256", document.Source.Sha256);
        activity.SetTag("newssummarizer.provider", providerName);
        activity.SetTag("newssummarizer.status", statusName);
        activity.SetTag("newssummarizer.model.input_tokens", document.Model.InputTokens);
        activity.SetTag("newssummarizer.model.output_tokens", document.Model.OutputTokens);
        if (document.Error is { } error)
        {
            activity.SetTag("newssummarizer.error.code", error.Code);
        }

        activity.SetStatus(document.Status == SummaryStatus.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
    }

    public void Dispose() => meter.Dispose();
}
