using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Api.Features.Reports;

/// <summary>Picks a report's rendering from <c>?format=</c> or else the <c>Accept</c> header; JSON by default.</summary>
public static class ReportFormat
{
    private static readonly IReportRenderer[] Renderers = [new MarkdownReportRenderer(), new HtmlReportRenderer(), new CsvReportRenderer()];

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = "application/json",
        ["md"] = "text/markdown",
        ["markdown"] = "text/markdown",
        ["html"] = "text/html",
        ["csv"] = "text/csv",
    };

    /// <summary>The renderer to use; null for JSON; false when <paramref name="format"/> names none we have.</summary>
    public static bool TryChoose(string? format, string? accept, out IReportRenderer? renderer)
    {
        renderer = null;
        string mediaType;
        if (format is not null)
        {
            if (!Names.TryGetValue(format, out mediaType!))
            {
                return false;
            }
        }
        else
        {
            mediaType = Names.Values.FirstOrDefault(m => accept?.Contains(m, StringComparison.OrdinalIgnoreCase) == true) ?? "application/json";
        }

        renderer = Renderers.FirstOrDefault(r => r.MediaType.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase));
        return true;
    }

    public const string Known = "json, md, html, csv";
}
