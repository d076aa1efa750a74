using System.Net;
using System.Text.Json.Nodes;
using BacklogInsight.Storage.Reports;

namespace BacklogInsight.Storage.Privacy;

/// <summary>A report with the privacy settings applied, and the notice to show when a setting hid something.</summary>
public sealed record PrivateReport(JsonNode Report, string? Notice)
{
    /// <summary>As JSON, with the notice as <c>privacyNotice</c>.</summary>
    public string ToJson()
    {
        var copy = Report.DeepClone();
        if (Notice is not null)
        {
            copy["privacyNotice"] = Notice;
        }

        return copy.ToJsonString(StoredReportJson.Options);
    }

    /// <summary>The privacy notice at the top of a Markdown or HTML rendering (CSV has no place for prose).</summary>
    public static string WithNotice(string rendered, string mediaType, string? notice)
    {
        if (notice is null)
        {
            return rendered;
        }

        if (mediaType.StartsWith("text/markdown", StringComparison.Ordinal))
        {
            return $"> {notice}{Environment.NewLine}{Environment.NewLine}{rendered}";
        }

        var body = rendered.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var afterBody = body < 0 ? -1 : rendered.IndexOf('>', body);
        return afterBody < 0 || !mediaType.StartsWith("text/html", StringComparison.Ordinal)
            ? rendered
            : rendered.Insert(afterBody + 1, $"<p class=\"privacy-notice\">{WebUtility.HtmlEncode(notice)}</p>");
    }
}
