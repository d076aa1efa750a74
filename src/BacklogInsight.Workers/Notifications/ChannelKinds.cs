namespace BacklogInsight.Workers.Notifications;

/// <summary>The kinds of notification channel, and the secrets each one keeps.</summary>
public static class ChannelKinds
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Webhook = "webhook";
    public const string Email = "email";

    /// <summary>The incoming-webhook URL of Slack and Teams: whoever has it can post, so it is a secret.</summary>
    public const string WebhookUrlSecret = "webhookUrl";

    /// <summary>The HMAC-SHA256 key of a generic webhook.</summary>
    public const string SigningSecret = "signingSecret";

    /// <summary>The SMTP password of an e-mail channel.</summary>
    public const string PasswordSecret = "password";

    public static readonly IReadOnlyList<string> All = [Slack, Teams, Webhook, Email];

    /// <summary>The secrets a kind accepts, and whether each is required.</summary>
    public static IReadOnlyDictionary<string, bool> Secrets(string kind) => kind switch
    {
        Slack or Teams => new Dictionary<string, bool> { [WebhookUrlSecret] = true },
        Webhook => new Dictionary<string, bool> { [SigningSecret] = true },
        Email => new Dictionary<string, bool> { [PasswordSecret] = false },
        _ => new Dictionary<string, bool>(),
    };

    /// <summary>The non-secret settings a kind accepts.</summary>
    public static IReadOnlyList<string> Settings(string kind) => kind switch
    {
        Webhook => ["url"],
        Email => ["host", "port", "tls", "user", "from", "to"],
        _ => [],
    };
}
