using System.Globalization;
using System.Text.Json;

namespace BacklogInsight.Api.Features.Webhooks;

/// <summary>
/// The parts of an Azure DevOps service-hook event that matter here: its <c>eventType</c> and the work item it names.
/// For <c>workitem.updated</c> the resource is an update (<c>workItemId</c>, <c>revision.id</c>, <c>_links.parent</c>);
/// for the other work item events it is the work item (<c>id</c>). Numbers may come as strings. The envelope's <c>id</c>
/// identifies the event, so a retried delivery can be recognised.
/// </summary>
public sealed record AzureDevOpsWebhookEvent(string EventType, int? WorkItemId, string? DeliveryId = null)
{
    /// <exception cref="JsonException">The body is not a JSON object with an <c>eventType</c>.</exception>
    public static AzureDevOpsWebhookEvent Read(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("eventType", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString()))
        {
            throw new JsonException("it has no \"eventType\".");
        }

        var eventType = type.GetString()!;
        var deliveryId = root.TryGetProperty("id", out var delivery) && delivery.ValueKind == JsonValueKind.String ? delivery.GetString() : null;
        var resource = root.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        if (resource.ValueKind != JsonValueKind.Object)
        {
            return new AzureDevOpsWebhookEvent(eventType, null, deliveryId);
        }

        int? id = eventType == "workitem.updated"
            ? Positive(resource, "workItemId")
                ?? (resource.TryGetProperty("revision", out var revision) && revision.ValueKind == JsonValueKind.Object ? Positive(revision, "id") : null)
                ?? ParentLink(resource)
            : Positive(resource, "id");
        return new AzureDevOpsWebhookEvent(eventType, id, deliveryId);
    }

    private static int? Positive(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        int number;
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt32(out number),
            JsonValueKind.String => int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number),
            _ => (number = 0) != 0,
        };
        return parsed && number > 0 ? number : null;
    }

    private static int? ParentLink(JsonElement resource) =>
        resource.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object
        && links.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object
        && parent.TryGetProperty("href", out var href) && href.GetString() is { } url
        && int.TryParse(url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
}
