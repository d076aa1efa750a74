namespace BacklogInsight.Domain.Balance;

/// <summary>
/// The thresholds that turn a person's counts into an <see cref="InferredRole"/>. The defaults are set for one
/// team-week; for longer periods raise the minimum counts in proportion.
/// </summary>
public sealed record RoleInferenceOptions
{
    /// <summary>
    /// The share of a person's own product work (strategic + tactical) that must be of one kind for PM-like or PO-like.
    /// Default 0.60: a clear majority, not purity — a PM who reorders a sprint does tactical work (role-taxonomy.md §1).
    /// </summary>
    public double FocusShare { get; init; } = 0.60;

    /// <summary>
    /// The share of the team's strategic (for PM-like) or tactical (for PO-like) activity the person must carry.
    /// Default 0.25: a team's product work is usually spread over one to four people, so a quarter marks a main
    /// contributor rather than someone who chipped in once.
    /// </summary>
    public double LeadShare { get; init; } = 0.25;

    /// <summary>The fewest activities of the focus class for PM-like or PO-like. Default 2: one event is a sample of one.</summary>
    public int MinimumLeadActivities { get; init; } = 2;

    /// <summary>
    /// The share of both the team's strategic and its tactical activity one person must carry to be combined.
    /// Default 0.50, as the combined-role finding of role-taxonomy.md §5.
    /// </summary>
    public double CombinedShare { get; init; } = 0.50;

    /// <summary>
    /// The fewest strategic and the fewest tactical activities for combined. Default 3 a week — stricter than §5's
    /// 10 each over 90 days, because a weekly label flips easily on tiny numbers.
    /// </summary>
    public int MinimumCombinedActivities { get; init; } = 3;
}
