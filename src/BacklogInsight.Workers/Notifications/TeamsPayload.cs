using System.Text.Json.Nodes;
using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// A Microsoft Teams Workflows webhook message ("When a Teams webhook request is received" → "Post card"): a
/// <c>message</c> with one attachment of content type <c>application/vnd.microsoft.card.adaptive</c> whose content is an
/// Adaptive Card 1.4 — the title, the summary, the lines as a list, and an Open URL action when the link is absolute.
/// </summary>
public static class TeamsPayload
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Build(NotificationMessage message)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = message.Title, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true,
                ["color"] = Color(message),
            },
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Summary, ["wrap"] = true },
        };
        if (message.Lines.Count > 0)
        {
            // Adaptive Card text understands a Markdown subset, bulleted lists included.
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join("\n", message.Lines.Select(l => "- " + l)), ["wrap"] = true });
        }

        if (message.Link is { } link && !message.HasAbsoluteLink)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"Dashboard: {link}", ["isSubtle"] = true, ["wrap"] = true });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (message.HasAbsoluteLink)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in BacklogInsight", ["url"] = message.Link });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }

    private static string Color(NotificationMessage message) => message switch
    {
        { Event: "alert.resolved" } => "Good",
        { Severity: AlertSeverity.Critical } => "Attention",
        { Severity: AlertSeverity.Warning } => "Warning",
        _ => "Default",
    };
}
