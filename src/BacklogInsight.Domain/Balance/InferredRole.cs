namespace BacklogInsight.Domain.Balance;

/// <summary>The product role a person's activity looks like in one team and period — a reading of behaviour, not a job title.</summary>
public enum InferredRole
{
    /// <summary>Carries most of both the team's strategic and its tactical work (role-taxonomy.md §5 "Combined role").</summary>
    Combined = 1,

    /// <summary>Mostly strategic product work, and a real part of the team's strategic work.</summary>
    ProductManagerLike = 2,

    /// <summary>Mostly tactical product work, and a real part of the team's owner work.</summary>
    ProductOwnerLike = 3,

    /// <summary>Everyone else: delivery, or product work too little or too mixed to read a role from.</summary>
    Contributor = 4,
}
