using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.Jira;

/// <summary>The JSON settings for Jira's wire format: camelCase, unknown properties ignored, Jira's date forms.</summary>
internal static class JiraJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Checkpoints are stored, never rendered in HTML: keep '+' readable in them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JiraDateTimeConverter() },
    };
}
