using System.Text.Json;
using MailKit.Security;

namespace BacklogInsight.Workers.Notifications;

/// <summary>The non-secret settings of an e-mail channel (the password is a secret).</summary>
public sealed record EmailSettings
{
    public static readonly IReadOnlyList<string> TlsModes = ["starttls", "ssl-on-connect", "auto", "none"];

    public required string Host { get; init; }

    /// <summary>Null: 465 with <c>ssl-on-connect</c>, 25 with <c>none</c>, 587 otherwise.</summary>
    public int? Port { get; init; }

    /// <summary>
    /// <c>starttls</c> (the default: upgrade to TLS or refuse), <c>ssl-on-connect</c> (TLS from the first byte),
    /// <c>auto</c> (as the port suggests) or <c>none</c> (plain text: local relays only).
    /// </summary>
    public string Tls { get; init; } = "starttls";

    /// <summary>The SMTP user; none: no authentication.</summary>
    public string? User { get; init; }

    public required string From { get; init; }

    public required IReadOnlyList<string> To { get; init; }

    public int EffectivePort => Port ?? Tls switch
    {
        "ssl-on-connect" => 465,
        "none" => 25,
        _ => 587,
    };

    public SecureSocketOptions SocketOptions => Tls switch
    {
        "ssl-on-connect" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    public static EmailSettings Parse(string json) =>
        JsonSerializer.Deserialize<EmailSettings>(json, NotificationJson.Options) ?? throw new JsonException("E-mail settings are empty.");
}
