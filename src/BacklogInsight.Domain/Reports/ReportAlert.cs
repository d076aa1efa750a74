namespace BacklogInsight.Domain.Reports;

/// <summary>An alert still open on the team when the report was made (alert rules live elsewhere; this is what a report shows).</summary>
public sealed record ReportAlert(string Title, ReportAlertSeverity Severity, DateTimeOffset Since);
