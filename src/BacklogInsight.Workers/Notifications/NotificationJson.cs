using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Workers.Notifications;

/// <summary>The JSON shape of stored messages and of what is sent: web casing, enums as kebab-case words.</summary>
public static class NotificationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },

        // Receivers read these bodies as UTF-8 JSON, not HTML: no need to escape '<', '&' or non-ASCII letters.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
