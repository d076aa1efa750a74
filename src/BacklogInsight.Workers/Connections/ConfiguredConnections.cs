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

    // Configuration holds only strings; numbers and booleans are restored so settings read the same as from the API.
    private static JsonObject ToJson(IConfigurationSection section)
    {
        var json = new JsonObject();
        foreach (var child in section.GetChildren())
        {
            json[child.Key] = child.Value switch
            {
                null => ToJson(child),
                var value when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
                var value when bool.TryParse(value, out var flag) => flag,
                var value => value,
            };
        }

        return json;
    }
}
