namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>Channel creation requests as a client posts them.</summary>
public static class Channels
{
    public const string SigningSecret = "whsec-3b1f0c9e8d7a6b5c4d3e2f1a";

    public static object Webhook(string name, string url, object? routing = null) =>
        new { name, kind = "webhook", settings = new { url }, secrets = new { signingSecret = SigningSecret }, routing };

    public static object Slack(string name, string url, object? routing = null) =>
        new { name, kind = "slack", secrets = new { webhookUrl = url }, routing };

    public static object Teams(string name, string url, object? routing = null) =>
        new { name, kind = "teams", secrets = new { webhookUrl = url }, routing };

    public static object Email(string name, int port, string password = "smtp-pass-5512", object? routing = null) => new
    {
        name,
        kind = "email",
        settings = new { host = "127.0.0.1", port, tls = "none", user = "insight", from = "BacklogInsight <insight@example.com>", to = new[] { "leads@example.com", "po@example.com" } },
        secrets = new { password },
        routing,
    };
}
