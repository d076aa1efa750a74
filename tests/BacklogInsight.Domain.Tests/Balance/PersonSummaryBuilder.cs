using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Tests.Balance;

/// <summary>A person's activity on one team's backlog, with sane defaults: some delivery work, no product work.</summary>
internal sealed class PersonSummaryBuilder
{
    private string _id = "acc-1";
    private string _name = "Pat Doe";
    private ClassCounts _counts = new(0, 0, 5, 0);
    private DateTimeOffset? _lastStrategicAt;
    private DateTimeOffset? _lastTacticalAt;

    public PersonSummaryBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public PersonSummaryBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public PersonSummaryBuilder WithCounts(int strategic = 0, int tactical = 0, int delivery = 0, int other = 0)
    {
        _counts = new ClassCounts(strategic, tactical, delivery, other);
        return this;
    }

    public PersonSummaryBuilder WithLastStrategicAt(DateTimeOffset? at)
    {
        _lastStrategicAt = at;
        return this;
    }

    public PersonSummaryBuilder WithLastTacticalAt(DateTimeOffset? at)
    {
        _lastTacticalAt = at;
        return this;
    }

    public PersonActivitySummary Build() => new()
    {
        PersonSourceId = _id,
        DisplayName = _name,
        Counts = _counts,
        LastStrategicAt = _lastStrategicAt,
        LastTacticalAt = _lastTacticalAt,
    };
}
