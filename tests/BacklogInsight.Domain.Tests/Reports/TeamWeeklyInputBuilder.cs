using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Domain.Tests.Reports;

/// <summary>
/// A team's weekly input with sane defaults: team "Payments", 16 earlier weeks of steady work (balance 50%), and this
/// week (balance 44%, steady) a PM, a PO and a developer at work.
/// </summary>
internal sealed class TeamWeeklyInputBuilder
{
    private readonly Dictionary<int, ClassCounts> _weeks = [];
    private readonly List<PersonActivitySummary> _people = [];
    private readonly List<NotableActivity> _notable = [];
    private string _id = "board-1";
    private string _name = "Payments";
    private DateTimeOffset? _createdAt;
    private string? _designatedOwner;
    private IReadOnlyList<ReportAlert>? _alerts;
    private bool _defaultPeople = true;

    public TeamWeeklyInputBuilder()
    {
        for (var back = 1; back <= 16; back++)
        {
            _weeks[back] = new ClassCounts(3, 3, 20, 1);
        }

        _weeks[0] = new ClassCounts(4, 5, 25, 2);
    }

    public TeamWeeklyInputBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public TeamWeeklyInputBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public TeamWeeklyInputBuilder WithCreatedAt(DateTimeOffset createdAt)
    {
        _createdAt = createdAt;
        return this;
    }

    public TeamWeeklyInputBuilder WithDesignatedOwner(string personSourceId)
    {
        _designatedOwner = personSourceId;
        return this;
    }

    /// <summary>The counts of the week <paramref name="weeksBack"/> before the report week (0 is the report week).</summary>
    public TeamWeeklyInputBuilder WithWeek(int weeksBack, int strategic = 0, int tactical = 0, int delivery = 0, int other = 0)
    {
        _weeks[weeksBack] = new ClassCounts(strategic, tactical, delivery, other);
        return this;
    }

    public TeamWeeklyInputBuilder WithNoHistory()
    {
        foreach (var back in _weeks.Keys.Where(k => k > 0).ToList())
        {
            _weeks.Remove(back);
        }

        return this;
    }

    /// <summary>The report week with no activity at all: no counts and nobody active.</summary>
    public TeamWeeklyInputBuilder WithNoActivityThisWeek()
    {
        _weeks.Remove(0);
        return WithPeople();
    }

    public TeamWeeklyInputBuilder WithPeople(params PersonActivitySummary[] people)
    {
        _defaultPeople = false;
        _people.Clear();
        _people.AddRange(people);
        return this;
    }

    public TeamWeeklyInputBuilder WithNotable(NotableActivity notable)
    {
        _notable.Add(notable);
        return this;
    }

    public TeamWeeklyInputBuilder WithAlerts(params ReportAlert[] alerts)
    {
        _alerts = alerts;
        return this;
    }

    public TeamWeeklyInput Build() => new()
    {
        Team = new ReportTeam { SourceId = _id, Name = _name, CreatedAt = _createdAt },
        DesignatedOwnerSourceId = _designatedOwner,
        Weeks = [.. _weeks.Select(w => new WeekCounts(Reporting.Week.AddWeeks(-w.Key), w.Value))],
        People = _defaultPeople ? DefaultPeople() : [.. _people],
        Notable = [.. _notable],
        Alerts = _alerts,
    };

    private static List<PersonActivitySummary> DefaultPeople() =>
    [
        Person("pm", "Max Planck", strategic: 4, tactical: 1, lastStrategicAt: Reporting.Monday.AddDays(2)),
        Person("po", "Olga Owner", tactical: 4, delivery: 1, lastTacticalAt: Reporting.Monday.AddDays(3)),
        Person("dev", "Dana Dev", delivery: 24, other: 2),
    ];

    public static PersonActivitySummary Person(
        string id, string name, int strategic = 0, int tactical = 0, int delivery = 0, int other = 0,
        DateTimeOffset? lastStrategicAt = null, DateTimeOffset? lastTacticalAt = null) => new()
        {
            PersonSourceId = id,
            DisplayName = name,
            Counts = new ClassCounts(strategic, tactical, delivery, other),
            LastStrategicAt = lastStrategicAt ?? (strategic > 0 ? Reporting.Monday.AddHours(10) : null),
            LastTacticalAt = lastTacticalAt ?? (tactical > 0 ? Reporting.Monday.AddHours(11) : null),
        };
}
