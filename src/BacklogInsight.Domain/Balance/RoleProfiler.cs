namespace BacklogInsight.Domain.Balance;

/// <summary>Infers each person's product role in one team and period from their class counts against the team's.</summary>
public sealed class RoleProfiler(RoleInferenceOptions options)
{
    public RoleProfiler()
        : this(new RoleInferenceOptions())
    {
    }

    /// <summary>
    /// One profile per person on <paramref name="teamSourceId"/>'s backlog in <paramref name="week"/>; the team's totals
    /// are the sum of everyone given. Ordered by role, then by volume, most first.
    /// </summary>
    public IReadOnlyList<RoleProfile> Profile(string teamSourceId, IsoWeek week, IEnumerable<PersonActivitySummary> people)
    {
        var list = people.ToList();
        var team = ClassCounts.Sum(list.Select(p => p.Counts));
        return
        [
            .. list.Select(person => ProfileOf(teamSourceId, week, person, team))
                .OrderBy(p => p.Role)
                .ThenByDescending(p => p.Volume)
                .ThenBy(p => p.DisplayName, StringComparer.InvariantCulture),
        ];
    }

    /// <summary>The role <paramref name="person"/>'s counts look like within <paramref name="team"/>'s, with the reasons.</summary>
    public (InferredRole Role, IReadOnlyList<string> Reasons) Infer(ClassCounts person, ClassCounts team)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(team);
        var carries = ClassShares.OfWhole(person, team);
        var strategicCarried = carries.Strategic ?? 0;
        var tacticalCarried = carries.Tactical ?? 0;
        var minimumCombined = options.MinimumCombinedActivities;
        if (strategicCarried >= options.CombinedShare && tacticalCarried >= options.CombinedShare
            && person.Strategic >= minimumCombined && person.Tactical >= minimumCombined)
        {
            return (InferredRole.Combined, [Carries(strategicCarried, "strategic"), Carries(tacticalCarried, "tactical (owner)")]);
        }

        var strategicFocus = RoleBalance.Of(person) ?? 0;
        if (strategicFocus >= options.FocusShare && strategicCarried >= options.LeadShare && person.Strategic >= options.MinimumLeadActivities)
        {
            return (InferredRole.ProductManagerLike, [Focus(strategicFocus, "strategic"), Carries(strategicCarried, "strategic")]);
        }

        var tacticalFocus = person.ProductWork == 0 ? 0 : 1 - strategicFocus;
        if (tacticalFocus >= options.FocusShare && tacticalCarried >= options.LeadShare && person.Tactical >= options.MinimumLeadActivities)
        {
            return (InferredRole.ProductOwnerLike, [Focus(tacticalFocus, "tactical"), Carries(tacticalCarried, "tactical (owner)")]);
        }

        return (InferredRole.Contributor, [person.ProductWork == 0
            ? "No product work: delivery or other activity only."
            : "Product work too little or too mixed to read a product role from."]);
    }

    private RoleProfile ProfileOf(string teamSourceId, IsoWeek week, PersonActivitySummary person, ClassCounts team)
    {
        var (role, reasons) = Infer(person.Counts, team);
        return new RoleProfile
        {
            TeamSourceId = teamSourceId,
            Week = week,
            PersonSourceId = person.PersonSourceId,
            DisplayName = person.DisplayName,
            Counts = person.Counts,
            OwnShares = ClassShares.OfTotal(person.Counts),
            TeamShares = ClassShares.OfWhole(person.Counts, team),
            Role = role,
            Reasons = reasons,
        };
    }

    private static string Focus(double share, string kind) =>
        $"{Percent.Format(share)} of their product work is {kind}.";

    private static string Carries(double share, string kind) =>
        $"Carries {Percent.Format(share)} of the team's {kind} activity.";
}
