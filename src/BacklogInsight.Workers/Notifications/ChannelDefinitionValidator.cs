using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// Checks a channel definition and names every problem, by field. Messages never repeat a secret's value.
/// Team ids are checked against the database by <see cref="NotificationChannelRegistration"/>.
/// </summary>
public static partial class ChannelDefinitionValidator
{
    public static Dictionary<string, string[]> Validate(ChannelDefinition definition, bool allowLoopback)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(definition.Name) || !NamePattern().IsMatch(definition.Name))
        {
            errors["name"] = ["Use 1 to 100 letters, digits, '-', '_' or '.'."];
        }

        if (!ChannelKinds.All.Contains(definition.Kind, StringComparer.Ordinal))
        {
            errors["kind"] = [$"Unknown kind '{definition.Kind}'. Available: {string.Join(", ", ChannelKinds.All)}."];
            return errors;
        }

        CheckSecrets(definition, allowLoopback, errors);
        CheckSettings(definition, allowLoopback, errors);
        CheckRouting(definition, errors);
        return errors;
    }

    private static void CheckSecrets(ChannelDefinition definition, bool allowLoopback, Dictionary<string, string[]> errors)
    {
        var accepted = ChannelKinds.Secrets(definition.Kind);
        foreach (var name in definition.Secrets.Keys.Where(n => !accepted.ContainsKey(n)))
        {
            errors[$"secrets.{name}"] = [$"A {definition.Kind} channel has no secret '{name}'. It takes: {string.Join(", ", accepted.Keys)}."];
        }

        foreach (var (name, required) in accepted)
        {
            var value = definition.Secrets.GetValueOrDefault(name);
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    errors[$"secrets.{name}"] = [$"A {definition.Kind} channel needs the secret '{name}'."];
                }

                continue;
            }

            if (value.Length > 4000)
            {
                errors[$"secrets.{name}"] = ["At most 4000 characters."];
            }
            else if (name == ChannelKinds.WebhookUrlSecret && ChannelUrlPolicy.Check(value, allowLoopback) is { } problem)
            {
                errors[$"secrets.{name}"] = [problem];
            }
            else if (name == ChannelKinds.SigningSecret && value.Length < 16)
            {
                errors[$"secrets.{name}"] = ["Use at least 16 characters (32 random bytes, base64, is a good choice)."];
            }
        }
    }

    private static void CheckSettings(ChannelDefinition definition, bool allowLoopback, Dictionary<string, string[]> errors)
    {
        JsonElement settings;
        try
        {
            settings = JsonDocument.Parse(definition.SettingsJson).RootElement;
        }
        catch (JsonException)
        {
            errors["settings"] = ["Settings must be a JSON object."];
            return;
        }

        if (settings.ValueKind != JsonValueKind.Object)
        {
            errors["settings"] = ["Settings must be a JSON object."];
            return;
        }

        var accepted = ChannelKinds.Settings(definition.Kind);
        foreach (var property in settings.EnumerateObject().Where(p => !accepted.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors[$"settings.{property.Name}"] = [accepted.Count == 0
                ? $"A {definition.Kind} channel takes no settings; its URL is the secret '{ChannelKinds.WebhookUrlSecret}'."
                : $"A {definition.Kind} channel has no setting '{property.Name}'. It takes: {string.Join(", ", accepted)}."];
        }

        if (definition.Kind == ChannelKinds.Webhook)
        {
            var url = settings.TryGetProperty("url", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (ChannelUrlPolicy.Check(url, allowLoopback) is { } problem)
            {
                errors["settings.url"] = [problem];
            }
        }
        else if (definition.Kind == ChannelKinds.Email)
        {
            CheckEmail(settings, definition, errors);
        }
    }

    private static void CheckEmail(JsonElement settings, ChannelDefinition definition, Dictionary<string, string[]> errors)
    {
        string? Text(string name) => settings.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        if (string.IsNullOrWhiteSpace(Text("host")))
        {
            errors["settings.host"] = ["Give the SMTP server's host name, e.g. smtp.example.com."];
        }

        if (settings.TryGetProperty("port", out var port) && !(port.ValueKind == JsonValueKind.Number && port.TryGetInt32(out var number) && number is >= 1 and <= 65535))
        {
            errors["settings.port"] = ["The port is a number from 1 to 65535 (587 for STARTTLS, 465 for SSL on connect)."];
        }

        if (settings.TryGetProperty("tls", out _) && !EmailSettings.TlsModes.Contains(Text("tls") ?? string.Empty, StringComparer.Ordinal))
        {
            errors["settings.tls"] = [$"tls must be one of: {string.Join(", ", EmailSettings.TlsModes)}."];
        }

        if (settings.TryGetProperty("user", out var user) && user.ValueKind != JsonValueKind.String)
        {
            errors["settings.user"] = ["The SMTP user is a string."];
        }

        if (!IsAddress(Text("from")))
        {
            errors["settings.from"] = ["Give the sender's address, e.g. \"BacklogInsight <insight@example.com>\"."];
        }

        var to = settings.TryGetProperty("to", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : null;
        if (to is null || to.Count == 0 || to.Any(a => a.ValueKind != JsonValueKind.String || !IsAddress(a.GetString())))
        {
            errors["settings.to"] = ["Give a list of one or more recipient addresses, e.g. [\"leads@example.com\"]."];
        }

        if (definition.Secrets.ContainsKey(ChannelKinds.PasswordSecret) && string.IsNullOrWhiteSpace(Text("user")))
        {
            errors["settings.user"] = ["A password needs a user to go with it."];
        }
    }

    private static void CheckRouting(ChannelDefinition definition, Dictionary<string, string[]> errors)
    {
        if (definition.TeamIds is { Count: 0 })
        {
            errors["routing.teams"] = ["List at least one team id, or leave teams out for every team."];
        }

        if (definition.RuleIds is { } rules && (rules.Count == 0 || rules.Any(r => string.IsNullOrWhiteSpace(r) || !RulePattern().IsMatch(r))))
        {
            errors["routing.rules"] = ["List rule ids such as 'team-lacks-owner', or leave rules out for every rule."];
        }

        if (definition.Events is { } events
            && (events.Count == 0 || events.Any(e => !NotificationEvents.AlertTransitions.Contains(e, StringComparer.Ordinal))))
        {
            errors["routing.events"] = [$"events is a list of: {string.Join(", ", NotificationEvents.AlertTransitions)}; leave it out for all of them."];
        }
    }

    private static bool IsAddress(string? value) => !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out _);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex RulePattern();
}
