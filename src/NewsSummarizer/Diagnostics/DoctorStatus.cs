namespace NewsSummarizer.Diagnostics;

/// <summary>How a check of <see cref="ServiceDoctor"/> went.</summary>
public enum DoctorStatus
{
    Ok,
    Warning,
    Error,
}
