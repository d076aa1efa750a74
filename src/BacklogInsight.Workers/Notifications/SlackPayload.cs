using System.Text.Json.Nodes;
using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// A Slack incoming-webhook message: <c>text</c> (the notification and fallback line) and Block Kit <c>blocks</c> —
/// a header, the summary, the lines as a bulleted section and a context line with the link. Slack's limits are kept:
/// a header's plain text at most 150 characters, a section's text at most 3,000. Text from trackers is escaped
/// (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>) so it cannot ping a channel or forge a link.
/// </summary>
public static class SlackPayload
{
    private const int HeaderLimit = 150;
    private const int SectionLimit = 3000;

    public static JsonObject Build(NotificationMessage message)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(message.Title, HeaderLimit), ["emoji"] = true },
            },
            Section(Escape(message.Summary)),
        };
        if (message.Lines.Count > 0)
        {
            blocks.Add(Section(string.Join("\n", message.Lines.Select(l => "• " + Escape(l)))));
        }

        var context = new List<string>();
        if (message.Severity is { } severity)
        {
            context.Add($"Severity: *{Severity(severity)}*");
        }

        if (message.Link is { } link)
        {
            context.Add(message.HasAbsoluteLink ? $"<{link}|Open in BacklogInsight>" : $"Dashboard: `{Escape(link)}`");
        }

        if (context.Count > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = string.Join(" · ", context) }),
            });
        }

        return new JsonObject { ["text"] = Escape($"{message.Title}: {message.Summary}"), ["blocks"] = blocks };
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(mrkdwn, SectionLimit) },
    };

    private static string Severity(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int limit) => text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");
}
