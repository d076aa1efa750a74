namespace BacklogInsight.Domain.Alerts;

/// <summary>How loudly an alert speaks: informational findings never page anybody.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
