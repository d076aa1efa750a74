using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Alerts;

/// <summary>What an activity did, as a short phrase for evidence lines ("changed Rank", "moved In Review → Done").</summary>
public static class ActivityWording
{
    public static string What(ActivityKind kind, CanonicalField field, string? sourceField, string? from, string? to) => kind switch
    {
        ActivityKind.Created => "created",
        ActivityKind.FieldChanged => $"changed {sourceField ?? field.ToString()}",
        ActivityKind.Transitioned => $"moved {from ?? "?"} → {to ?? "?"}",
        ActivityKind.Commented => "commented",
        ActivityKind.Linked => "linked",
        ActivityKind.WorkLogged => "logged work",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
