namespace BacklogInsight.Domain.Classification;

/// <summary>The holes a rule's reason template fills, so the reasons can be kept per the values they show.</summary>
[Flags]
internal enum ReasonHoles
{
    None = 0,
    Field = 1,
    Type = 2,
    Level = 4,
    Actor = 8,
    From = 16,
    To = 32,
}
