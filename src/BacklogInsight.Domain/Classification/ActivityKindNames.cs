using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>The action-kind words of the labelled sets and the taxonomy file (<c>field_change</c>, <c>worklog</c>…).</summary>
public static class ActivityKindNames
{
    public static bool TryParse(string? name, out ActivityKind kind)
    {
        kind = name?.ToUpperInvariant() switch
        {
            "CREATED" => ActivityKind.Created,
            "FIELD_CHANGE" => ActivityKind.FieldChanged,
            "TRANSITION" => ActivityKind.Transitioned,
            "COMMENT" => ActivityKind.Commented,
            "LINK" => ActivityKind.Linked,
            "WORKLOG" => ActivityKind.WorkLogged,
            _ => 0,
        };
        return kind != 0;
    }

    /// <summary>The word for <paramref name="kind"/>, as the labelled sets write it.</summary>
    public static string ToName(ActivityKind kind) => kind switch
    {
        ActivityKind.Created => "created",
        ActivityKind.FieldChanged => "field_change",
        ActivityKind.Transitioned => "transition",
        ActivityKind.Commented => "comment",
        ActivityKind.Linked => "link",
        ActivityKind.WorkLogged => "worklog",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activity kind."),
    };

    /// <summary>The accepted words, for error messages.</summary>
    public const string Known = "created, field_change, transition, comment, link, worklog";
}
