using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The JSON settings for Azure DevOps' wire format: camelCase, unknown properties ignored.</summary>
internal static class AzureDevOpsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Checkpoints are stored, never rendered in HTML: keep them readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
