using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Features.Classification;

/// <summary>One correction in an activity's audit trail.</summary>
public sealed record ClassOverrideResponse(long Id, long ActivityId, ActivityClass Class, ActivityClass? PreviousClass, string? PreviousRuleId, string Reason, string By, DateTimeOffset At)
{
    public static ClassOverrideResponse From(ClassOverride o) => new(o.Id, o.ActivityId, o.Class, o.PreviousClass, o.PreviousRuleId, o.Reason, o.By, o.At);
}
