using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Tests.Alerts;

/// <summary>A crafted team history for the alert rules, with sane defaults: a healthy delivering team with an active owner.</summary>
public sealed class TeamHistory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly List<PersonWork> _people = [];
    private TeamOwner? _owner;
    private DateTimeOffset? _firstActivityAt = Now.AddDays(-200);
    private (int Completed, int RollingUp)? _stories;

    public static TeamHistory Delivering(int developers = 4, int deliveryEach = 10)
    {
        var history = new TeamHistory();
        for (var i = 0; i < developers; i++)
        {
            history.With($"dev{i}", counts: new ClassCounts(0, 0, deliveryEach, 0));
        }

        return history;
    }

    /// <summary>Adds or replaces a person; <paramref name="counts"/> are the owner window's, <paramref name="strategy"/> the strategy window's (default: the same).</summary>
    public TeamHistory With(
        string id, ClassCounts? counts = null, ClassCounts? strategy = null, int? lastTacticalDaysAgo = null, int? lastStrategicDaysAgo = null, bool bot = false)
    {
        _people.RemoveAll(p => p.PersonSourceId == id);
        var owner = counts ?? ClassCounts.Empty;
        _people.Add(new PersonWork
        {
            PersonSourceId = id,
            DisplayName = Name(id),
            IsBot = bot,
            OwnerWindow = owner,
            StrategyWindow = strategy ?? owner,
            LastTacticalAt = lastTacticalDaysAgo is { } t ? Now.AddDays(-t) : null,
            LastStrategicAt = lastStrategicDaysAgo is { } s ? Now.AddDays(-s) : null,
        });
        return this;
    }

    /// <summary>An owner making <paramref name="decisions"/> decisions in the window, the last <paramref name="lastDaysAgo"/> days ago, and strategic work.</summary>
    public TeamHistory WithActiveOwner(string id = "olivia", int decisions = 20, int lastDaysAgo = 2) =>
        With(id, new ClassCounts(0, decisions, 0, 0), new ClassCounts(0, decisions * 3, 0, 0), lastTacticalDaysAgo: lastDaysAgo)
            .With("pam", new ClassCounts(3, 0, 0, 0), new ClassCounts(12, 0, 0, 0), lastStrategicDaysAgo: 5);

    public TeamHistory Designating(string id, bool active = true)
    {
        _owner = new TeamOwner(id, Name(id), active);
        return this;
    }

    public TeamHistory StartingDaysAgo(int? days)
    {
        _firstActivityAt = days is { } d ? Now.AddDays(-d) : null;
        return this;
    }

    public TeamHistory WithCompletedStories(int completed, int rollingUp)
    {
        _stories = (completed, rollingUp);
        return this;
    }

    public TeamAlertInput Build(string name = "Payments")
    {
        var decider = _people.Where(p => !p.IsBot && p.LastTacticalAt is not null).MaxBy(p => p.LastTacticalAt);
        return new TeamAlertInput
        {
            TeamId = 1,
            TeamName = name,
            DesignatedOwner = _owner,
            FirstActivityAt = _firstActivityAt,
            People = [.. _people],
            LastOwnerDecision = decider is null ? null : new LastActivity(decider.DisplayName, "changed Rank", "PAY-7", "Refund by card", decider.LastTacticalAt!.Value),
            CompletedStories = _stories?.Completed,
            CompletedStoriesRollingUp = _stories?.RollingUp,
        };
    }

    private static string Name(string id) => char.ToUpperInvariant(id[0]) + id[1..];
}
