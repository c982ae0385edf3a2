namespace NewsSummarizer.Processing;

/// <summary>Which articles a backfill takes.</summary>
public enum BackfillSelection
{
    /// <summary>Every article whose result is missing or not current.</summary>
    All,

    /// <summary>Articles without a result, or with one that cannot be trusted (<see cref="ResultState.Missing"/>).</summary>
    Missing,

    /// <summary>Results from another provider or prompt version, or of another version of the article
    /// (<see cref="ResultState.Stale"/>). Identical text uploaded again leaves the set after one run: the processor
    /// finds the result current by hash and makes it name the new version.</summary>
    Stale,

    /// <summary>Extractive results written for this version because the model was unavailable (<see cref="ResultState.Fallback"/>).</summary>
    Fallback,

    /// <summary>Results whose retries were exhausted for this version (<see cref="ResultState.Failed"/>).</summary>
    Failed,

    /// <summary>Waiting results more than <see cref="BackfillService.OverdueGrace"/> past their scheduled attempt: the
    /// retry message was lost or its queue is not served, so nothing else will ever replace them.</summary>
    Overdue,
}
