using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>Hands out people with distinct names and Jira-like account ids.</summary>
internal sealed class SamplePeople
{
    private readonly Random _random;
    private readonly Guid _connectionId;
    private readonly string[] _first;
    private readonly string[] _last;
    private readonly List<Person> _all = [];

    public SamplePeople(Random random, Guid connectionId)
    {
        _random = random;
        _connectionId = connectionId;
        _first = [.. SampleNames.First];
        _last = [.. SampleNames.Last];
        random.Shuffle(_first);
        random.Shuffle(_last);
    }

    public IReadOnlyList<Person> All => _all;

    public Person Next()
    {
        var index = _all.Count;
        var id = new byte[12];
        _random.NextBytes(id);
        var person = new Person
        {
            ConnectionId = _connectionId,
            SourceId = Convert.ToHexStringLower(id),
            DisplayName = string.Concat(_first[index % _first.Length], " ", _last[index % _last.Length]),
        };
        _all.Add(person);
        return person;
    }

    public IReadOnlyList<Person> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];
}
