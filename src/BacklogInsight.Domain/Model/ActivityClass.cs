namespace BacklogInsight.Domain.Model;

/// <summary>The role an activity belongs to (see role-taxonomy.md §1).</summary>
public enum ActivityClass
{
    /// <summary>Product Manager work: why and for whom, at product or portfolio level.</summary>
    Strategic = 1,

    /// <summary>Product Owner work: a ready, ordered team backlog and what counts as done.</summary>
    Tactical = 2,

    /// <summary>The team executing the sprint backlog.</summary>
    Delivery = 3,

    /// <summary>Bots, automation, imports and noise.</summary>
    Other = 4,
}
