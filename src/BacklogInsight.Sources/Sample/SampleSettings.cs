using System.Text.Json;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>
/// Per-connection settings of the sample source, read from <see cref="Connection.SettingsJson"/>:
/// <c>{"seed": 42, "now": "2026-11-23T09:00:00Z"}</c>. Both are optional.
/// </summary>
public sealed record SampleSettings
{
    /// <summary>The seed of the generator; the same seed and anchor always give the same organisation.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The anchor the 16 generated weeks end at; when absent, the connection's creation time.</summary>
    public DateTimeOffset? Now { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads the settings JSON of a connection; an empty or blank value gives the defaults.</summary>
    /// <exception cref="FormatException">The settings are not a JSON object of the expected shape.</exception>
    public static SampleSettings Parse(string? settingsJson)
    {
        if (string.IsNullOrWhiteSpace(settingsJson))
        {
            return new SampleSettings();
        }

        try
        {
            return JsonSerializer.Deserialize<SampleSettings>(settingsJson, JsonOptions) ?? new SampleSettings();
        }
        catch (JsonException ex)
        {
            throw new FormatException(
                $"The sample source settings are not valid: {ex.Message} Expected a JSON object such as "
                + "{\"seed\": 42, \"now\": \"2026-11-23T09:00:00Z\"}.",
                ex);
        }
    }

    /// <summary>The instant the generated history ends at: <see cref="Now"/> or else the connection's creation, in UTC.</summary>
    public DateTimeOffset AnchorFor(Connection connection) => (Now ?? connection.CreatedAt).ToUniversalTime();
}
