using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Workers.Reports;

/// <summary>Weekly reports. Section <c>Reports</c>.</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>When the previous ISO week's reports are built, in the organisation's time zone. Default: Monday 07:00.</summary>
    [Required]
    public string Cron { get; set; } = "0 7 * * 1";
}
