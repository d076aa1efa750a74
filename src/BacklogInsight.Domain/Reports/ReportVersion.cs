namespace BacklogInsight.Domain.Reports;

/// <summary>
/// The version of the report model. The major part changes when a property is removed, renamed or changes meaning;
/// the minor part when one is added. Stored reports and API clients read it to know what they hold.
/// </summary>
public static class ReportVersion
{
    public const string Current = "1.0";
}
