namespace BacklogInsight.Domain.Reports;

/// <summary>Turns a report into one document format. Pure: model in, text out.</summary>
public interface IReportRenderer
{
    /// <summary>The media type of the output, e.g. <c>text/markdown; charset=utf-8</c>.</summary>
    string MediaType { get; }

    /// <summary>The file extension, without the dot.</summary>
    string FileExtension { get; }

    string Render(TeamWeeklyReport report);

    string Render(OrganisationWeeklyReport report);
}
