using System.Collections.Frozen;
using System.Text.Json;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// Reads a taxonomy file: the embedded default (<c>taxonomy.v1.json</c>) or JSON the host supplies.
/// Everything is validated up front; a problem throws <see cref="TaxonomyException"/> naming where it is.
/// </summary>
public static class TaxonomyLoader
{
    private const string DefaultResource = "BacklogInsight.Domain.Classification.taxonomy.v1.json";

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly Lazy<Taxonomy> DefaultTaxonomy = new(() =>
    {
        using var stream = typeof(TaxonomyLoader).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new TaxonomyException($"the embedded taxonomy '{DefaultResource}' is missing");
        return Load(stream);
    });

    /// <summary>The taxonomy shipped with BacklogInsight, loaded once.</summary>
    public static Taxonomy Default => DefaultTaxonomy.Value;

    /// <summary>Reads a taxonomy from a stream, such as a file the host opened from its configured path.</summary>
    public static Taxonomy Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadDocument(() => JsonDocument.Parse(json, Options));
    }

    /// <summary>Reads a taxonomy from JSON text.</summary>
    public static Taxonomy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadDocument(() => JsonDocument.Parse(json, Options));
    }

    private static Taxonomy ReadDocument(Func<JsonDocument> parse)
    {
        try
        {
            using var document = parse();
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new TaxonomyException($"taxonomy: not valid JSON ({ex.Message})", ex);
        }
    }

    private static Taxonomy Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TaxonomyException("taxonomy: the root must be a JSON object");
        }

        var version = JsonReading.RequiredString(root, "version", "taxonomy");
        var states = ReadStates(root);
        var topicWeight = root.TryGetProperty("topicCueWeight", out var weight) && weight.TryGetInt32(out var parsed) && parsed is >= 0 and <= 10
            ? parsed
            : root.TryGetProperty("topicCueWeight", out _) ? throw new TaxonomyException("taxonomy: 'topicCueWeight' must be an integer 0..10") : 1;
        var cues = new CueIndex(ReadCues(root), topicWeight);
        var rules = new RuleReader(states).ReadAll(JsonReading.Required(root, "rules", "taxonomy"));
        return new Taxonomy
        {
            Version = version,
            Confidence = ReadConfidence(root),
            Cues = cues,
            States = states,
            NotStartedStates = states.TryGetValue("notStarted", out var notStarted)
                ? notStarted
                : throw new TaxonomyException("section 'states': the list 'notStarted' is missing"),
            PortfolioItemTypes = JsonReading.StringSet(root, "portfolioItemTypes", "taxonomy"),
            BotNames = JsonReading.Strings(root, "botNames", "taxonomy"),
            BotNameMarkers = JsonReading.Strings(root, "botNameMarkers", "taxonomy"),
            ContentFreeComments = JsonReading.Strings(root, "contentFreeComments", "taxonomy")
                .Select(TextNormalizer.Normalize)
                .ToFrozenSet(StringComparer.Ordinal),
            Rules = rules,
        };
    }

    private static ConfidenceSettings ReadConfidence(JsonElement root)
    {
        var settings = new ConfidenceSettings();
        if (!root.TryGetProperty("confidence", out var section))
        {
            return settings;
        }

        settings = settings with
        {
            Base = JsonReading.Probability(section, "base", "confidence") ?? settings.Base,
            Agree = JsonReading.Probability(section, "agree", "confidence") ?? settings.Agree,
            Overridden = JsonReading.Probability(section, "overridden", "confidence") ?? settings.Overridden,
            Min = JsonReading.Probability(section, "min", "confidence") ?? settings.Min,
            Max = JsonReading.Probability(section, "max", "confidence") ?? settings.Max,
        };
        return settings.Min > settings.Max
            ? throw new TaxonomyException("section 'confidence': 'min' is above 'max'")
            : settings;
    }

    private static FrozenDictionary<string, FrozenSet<string>> ReadStates(JsonElement root)
    {
        var section = JsonReading.Required(root, "states", "taxonomy");
        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new TaxonomyException("section 'states': must be an object of named state lists");
        }

        var states = new Dictionary<string, FrozenSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var list in section.EnumerateObject())
        {
            states[list.Name] = JsonReading.StringSet(section, list.Name, "states");
        }

        return states.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static List<CuePhrase> ReadCues(JsonElement root)
    {
        var section = JsonReading.Required(root, "cues", "taxonomy");
        if (section.ValueKind != JsonValueKind.Array)
        {
            throw new TaxonomyException("section 'cues': must be an array of cue lists");
        }

        var phrases = new List<CuePhrase>();
        var index = 0;
        foreach (var list in section.EnumerateArray())
        {
            var where = $"cues[{index++}]";
            var set = JsonReading.Enum<CueSet>(JsonReading.RequiredString(list, "set", where), where, "cue set");
            var weight = list.TryGetProperty("weight", out var w) && w.TryGetInt32(out var parsed) ? parsed : 1;
            if (weight is < 1 or > 10)
            {
                throw new TaxonomyException($"section '{where}' ({set}): weight {weight} is outside 1..10");
            }

            foreach (var text in JsonReading.Strings(list, "phrases", where))
            {
                var normalized = TextNormalizer.Normalize(text);
                if (normalized.Length == 0)
                {
                    throw new TaxonomyException($"section '{where}' ({set}): phrase '{text}' has no letters or digits");
                }

                phrases.Add(new CuePhrase(phrases.Count, normalized, set, weight));
            }
        }

        return phrases;
    }
}
