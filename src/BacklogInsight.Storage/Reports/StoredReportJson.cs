using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Storage.Reports;

/// <summary>How reports are stored and served as JSON: web casing, enums as kebab-case words.</summary>
public static class StoredReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
