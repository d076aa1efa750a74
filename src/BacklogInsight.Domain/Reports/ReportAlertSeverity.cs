namespace BacklogInsight.Domain.Reports;

/// <summary>How urgent an open alert is.</summary>
public enum ReportAlertSeverity
{
    Information = 1,
    Warning = 2,
    Critical = 3,
}
