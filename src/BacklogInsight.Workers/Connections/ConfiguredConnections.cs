using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace BacklogInsight.Workers.Connections;

/// <summary>Reads the <c>Connections</c> array of configuration into definitions.</summary>
public static class ConfiguredConnections
{
    public const string SectionName = "Connections";

    public static IReadOnlyList<ConnectionDefinition> Read(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetChildren()
            .Select(section => new ConnectionDefinition
            {
                Name = section["Name"] ?? string.Empty,
                Kind = section["Kind"] ?? string.Empty,
                BaseUrl = section["BaseUrl"],
                SyncCron = section["SyncCron"],
                SettingsJson = ToJson(section.GetSection("Settings")).ToJsonString(),
                Secrets = section.GetSection("Secrets").GetChildren().Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!),
            })
            .ToList();

    // Configuration holds only strings and numbered children; numbers, booleans and arrays are restored so settings
    // read the same as from the API ("projects:0=PAY" becomes ["PAY"]).
    private static JsonObject ToJson(IConfigurationSection section)
    {
        var json = new JsonObject();
        foreach (var child in section.GetChildren())
        {
            json[child.Key] = ToNode(child);
        }

        return json;
    }

    private static JsonNode? ToNode(IConfigurationSection section)
    {
        if (section.Value is { } value)
        {
            return value switch
            {
                _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
                _ when bool.TryParse(value, out var flag) => flag,
                _ => value,
            };
        }

        var children = section.GetChildren().ToList();
        var isArray = children.Count > 0 && children
            .Select(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1)
            .Order().SequenceEqual(Enumerable.Range(0, children.Count));
        return isArray
            ? new JsonArray(children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).Select(ToNode).ToArray())
            : ToJson(section);
    }
}
