using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// The site's own ids of the fields BacklogInsight reads, found in <c>GET /field</c> by schema custom type
/// first and by name second, never by a hard-coded <c>customfield_</c> id.
/// </summary>
public sealed class JiraFieldMap
{
    private const string SprintType = "com.pyxis.greenhopper.jira:gh-sprint";
    private const string RankType = "com.pyxis.greenhopper.jira:gh-lexo-rank";
    private const string StoryPointEstimateType = "com.pyxis.greenhopper.jira:jsw-story-points";
    private const string EpicLinkType = "com.pyxis.greenhopper.jira:gh-epic-link";
    private const string ParentLinkType = "com.atlassian.jpo:jpo-custom-field-parent";
    private const string TargetStartType = "com.atlassian.jpo:jpo-custom-field-baseline-start";
    private const string TargetEndType = "com.atlassian.jpo:jpo-custom-field-baseline-end";

    private readonly Dictionary<string, CanonicalField> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CanonicalField> _byName = new(StringComparer.OrdinalIgnoreCase);

    private JiraFieldMap()
    {
    }

    /// <summary>The Sprint field id (e.g. <c>customfield_10020</c>), when the site has one.</summary>
    public string? Sprint { get; private set; }

    /// <summary>The Rank field id.</summary>
    public string? Rank { get; private set; }

    /// <summary>The story-point field ids: "Story point estimate" and the classic "Story Points".</summary>
    public IReadOnlyList<string> StoryPoints { get; private set; } = [];

    /// <summary>The legacy Epic Link field id.</summary>
    public string? EpicLink { get; private set; }

    /// <summary>The Advanced Roadmaps Parent Link field id.</summary>
    public string? ParentLink { get; private set; }

    /// <summary>The acceptance-criteria field id (a text area named "Acceptance Criteria").</summary>
    public string? AcceptanceCriteria { get; private set; }

    /// <summary>The start-date field id ("Start date" or Target start).</summary>
    public string? StartDate { get; private set; }

    /// <summary>The target-date field id (Target end).</summary>
    public string? TargetDate { get; private set; }

    /// <summary>Builds the map from the site's field list.</summary>
    public static JiraFieldMap From(IEnumerable<JiraField> fields)
    {
        var map = new JiraFieldMap();
        var points = new List<string>();
        foreach (var field in fields)
        {
            var name = field.UntranslatedName ?? field.Name;
            var canonical = Classify(field.Schema?.Custom, name);
            if (canonical == CanonicalField.Other)
            {
                continue;
            }

            map._byId[field.Id] = canonical;
            foreach (var n in new[] { field.Name, field.UntranslatedName })
            {
                if (n is not null)
                {
                    map._byName.TryAdd(n, canonical);
                }
            }

            map.Remember(field, canonical, points);
        }

        map.StoryPoints = points;
        return map;
    }

    /// <summary>
    /// The canonical field of a changelog item: by its <c>fieldId</c> in the site's map, else by the field name
    /// in the site's map, else by the internal <see cref="JiraFieldNames"/> table.
    /// </summary>
    public CanonicalField Resolve(string? fieldId, string? fieldName)
    {
        if (fieldId is not null && _byId.TryGetValue(fieldId, out var byId))
        {
            return byId;
        }

        if (fieldId is not null && !fieldId.StartsWith("customfield_", StringComparison.Ordinal)
            && JiraFieldNames.Resolve(fieldId) is var system && system != CanonicalField.Other)
        {
            return system;
        }

        return fieldName is not null && _byName.TryGetValue(fieldName, out var byName) ? byName : JiraFieldNames.Resolve(fieldName);
    }

    /// <summary>The custom field ids a search must ask for so the mapper can read them.</summary>
    public IEnumerable<string> SearchFields()
    {
        if (Sprint is not null)
        {
            yield return Sprint;
        }
    }

    private static CanonicalField Classify(string? customType, string? name) => customType switch
    {
        SprintType => CanonicalField.Sprint,
        RankType => CanonicalField.Rank,
        StoryPointEstimateType => CanonicalField.Estimate,
        EpicLinkType or ParentLinkType => CanonicalField.Parent,
        TargetStartType => CanonicalField.StartDate,
        TargetEndType => CanonicalField.TargetDate,
        not null => name switch
        {
            _ when Is(name, "Story Points") => CanonicalField.Estimate,
            _ when Is(name, "Acceptance Criteria") || Is(name, "Definition of Done") => CanonicalField.AcceptanceCriteria,
            _ when Is(name, "Start date") || Is(name, "Target start") => CanonicalField.StartDate,
            _ when Is(name, "Target end") || Is(name, "Target date") => CanonicalField.TargetDate,
            _ => CanonicalField.Other,
        },
        null => CanonicalField.Other,
    };

    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private void Remember(JiraField field, CanonicalField canonical, List<string> points)
    {
        var customType = field.Schema?.Custom;
        switch (canonical)
        {
            case CanonicalField.Sprint:
                Sprint ??= field.Id;
                break;
            case CanonicalField.Rank:
                Rank ??= field.Id;
                break;
            case CanonicalField.Estimate:
                points.Add(field.Id);
                break;
            case CanonicalField.Parent when customType == EpicLinkType:
                EpicLink ??= field.Id;
                break;
            case CanonicalField.Parent:
                ParentLink ??= field.Id;
                break;
            case CanonicalField.AcceptanceCriteria:
                AcceptanceCriteria ??= field.Id;
                break;
            case CanonicalField.StartDate:
                StartDate ??= field.Id;
                break;
            case CanonicalField.TargetDate:
                TargetDate ??= field.Id;
                break;
        }
    }
}
