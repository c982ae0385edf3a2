namespace NewsSummarizer.Diagnostics;

/// <summary>One finding: what was checked, how it went, what was seen and, when something must change, the setting.</summary>
public sealed record DoctorFinding(string Check, DoctorStatus Status, string Detail, string? Setting = null);
