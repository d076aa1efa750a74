using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Domain.Tests.Reports;

/// <summary>The fixed setting of the report tests: week 2026-W47 in Europe/Berlin (UTC+1 in November).</summary>
internal static class Reporting
{
    public static readonly IsoWeek Week = new(2026, 47);

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Monday 2026-11-16 09:00 local.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    public static TeamWeeklyReport Team(TeamWeeklyInputBuilder input) =>
        new WeeklyReportBuilder().BuildTeam(input.Build(), Week, Zone, GeneratedAt);

    public static OrganisationWeeklyReport Organisation(params TeamWeeklyInputBuilder[] teams) =>
        new WeeklyReportBuilder().BuildOrganisation(teams.Select(t => t.Build()), Week, Zone, GeneratedAt);

    public static NotableActivity Notable(
        NotableActivityKind kind = NotableActivityKind.ItemAccepted, string key = "PAY-101", string title = "Refund by card",
        string? url = "https://acme.atlassian.net/browse/PAY-101", string actor = "Olga Owner", string description = "Ready for Acceptance → Done",
        int hoursAfterMonday = 30) => new()
        {
            Kind = kind,
            ItemKey = key,
            ItemTitle = title,
            ItemUrl = url,
            ActorDisplayName = actor,
            OccurredAt = Monday.AddHours(hoursAfterMonday),
            Description = description,
        };

    /// <summary>Sam works in Alpha (team id "a") as a PM and in Beta ("b") as a PO.</summary>
    public static OrganisationWeeklyReport PersonInTwoTeams() => Organisation(
        new TeamWeeklyInputBuilder().WithId("a").WithName("Alpha").WithPeople(TeamWeeklyInputBuilder.Person("sam", "Sam Both", strategic: 5, tactical: 1)),
        new TeamWeeklyInputBuilder().WithId("b").WithName("Beta").WithPeople(TeamWeeklyInputBuilder.Person("sam", "Sam Both", tactical: 6)));
}
