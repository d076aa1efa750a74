using System.Globalization;

namespace BacklogInsight.FaultSuite.AzureDevOps;

/// <summary>Shape of a generated Azure DevOps organisation.</summary>
public sealed record FakeAzureDevOpsSiteOptions
{
    public int Items { get; init; } = 120;

    public int Seed { get; init; } = 11;

    /// <summary>Share of work items with a long history (60–120 updates), so the updates API pages.</summary>
    public double LongHistoryShare { get; init; } = 0.05;

    /// <summary>Every item is created and last changed inside [Start, Start + Span).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 8, 3, 0, 0, 0, TimeSpan.Zero);

    public TimeSpan Span { get; init; } = TimeSpan.FromDays(84);
}

/// <summary>One identity reference of the organisation.</summary>
public sealed record FakeAdoPerson(string Id, string DisplayName, string UniqueName);

/// <summary>One update (revision) of a work item: the fields it changed, old and new.</summary>
public sealed record FakeAdoUpdate(int Id, int Rev, FakeAdoPerson By, DateTimeOffset At, IReadOnlyList<(string Field, object? Old, object? New)> Changes);

public sealed record FakeAdoComment(long Id, FakeAdoPerson By, DateTimeOffset At, string Text);

/// <summary>A work item as it is now, with every update and comment.</summary>
public sealed record FakeAdoItem(
    int Id,
    int Rev,
    string Type,
    string State,
    string Title,
    string AreaPath,
    string IterationPath,
    FakeAdoPerson CreatedBy,
    FakeAdoPerson? AssignedTo,
    DateTimeOffset Created,
    DateTimeOffset Changed,
    IReadOnlyList<FakeAdoUpdate> Updates,
    IReadOnlyList<FakeAdoComment> Comments);

/// <summary>
/// A deterministic Azure DevOps Services organisation: project Phoenix with two teams (their area paths), three
/// iterations and a few people; work items generated on demand from their index. <see cref="Touch"/> records a new
/// revision and a comment "now", which moves the item's <c>System.ChangedDate</c>.
/// </summary>
public sealed class FakeAzureDevOpsSite
{
    public const string Project = "Phoenix";
    public const string ProjectId = "5f1c2a7e-93d4-4b8a-9e21-6c0d8b7a4f10";
    public const string PhoenixTeamId = "b7d2e9a4-1c3f-4e6a-8b5d-0f9e7c6a2d13";
    public const string CheckoutTeamId = "3e8a1f60-5b2d-4c97-a1e4-8d6f0b3c7e25";
    public const int FirstId = 5001;

    public static readonly IReadOnlyList<FakeAdoPerson> People =
    [
        new("0c7e3d52-6f4a-4e0b-9a47-2b8f1d6e9c31", "Priya Raman", "priya.raman@contoso.com"),
        new("9a41c0e8-2d7b-4f55-8c16-7e3b0a2d5f84", "Tomas Okafor", "tomas.okafor@contoso.com"),
        new("4d1e6f2a-8b3c-4a5d-9e0f-1a2b3c4d5e6f", "Mei Lin", "mei.lin@contoso.com"),
        new("7e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b", "Jonas Berg", "jonas.berg@contoso.com"),
        new("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", "Ana Souza", "ana.souza@contoso.com"),
        new("6b2f8d41-0a3e-4c5b-9d7f-1e2a3b4c5d6e", "Project Collection Build Service (contoso-eng)", "Build\\6b2f8d41-0a3e-4c5b-9d7f-1e2a3b4c5d6e"),
    ];

    public static readonly IReadOnlyList<(string Id, string Name, string Path, DateTimeOffset Start, DateTimeOffset Finish)> Iterations =
    [
        ("a3c5e7f9-0b2d-4f6a-8c1e-3d5f7a9b1c42", "Sprint 13", "Phoenix\\Release 3\\Sprint 13", new(2026, 8, 31, 0, 0, 0, TimeSpan.Zero), new(2026, 9, 11, 0, 0, 0, TimeSpan.Zero)),
        ("c8e0a2b4-6d1f-4a3c-9e5b-7f0d2c4e6a81", "Sprint 14", "Phoenix\\Release 3\\Sprint 14", new(2026, 9, 14, 0, 0, 0, TimeSpan.Zero), new(2026, 9, 25, 0, 0, 0, TimeSpan.Zero)),
        ("e1f3a5c7-9b0d-4e2f-8a4c-6e8a0c2e4f93", "Sprint 15", "Phoenix\\Release 3\\Sprint 15", new(2026, 9, 28, 0, 0, 0, TimeSpan.Zero), new(2026, 10, 9, 0, 0, 0, TimeSpan.Zero)),
    ];

    private static readonly string[] Types = ["User Story", "User Story", "Task", "Task", "Bug", "Feature"];
    private static readonly string[] States = ["New", "Active", "Resolved", "Closed"];
    private static readonly string[] Areas = ["Phoenix\\Checkout", "Phoenix\\Checkout", "Phoenix\\Payments", "Phoenix"];

    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset>[] _touches;

    public FakeAzureDevOpsSite(FakeAzureDevOpsSiteOptions options)
    {
        Options = options;
        _touches = [.. Enumerable.Range(0, options.Items).Select(_ => new List<DateTimeOffset>())];
    }

    public FakeAzureDevOpsSiteOptions Options { get; }

    public int Count => Options.Items;

    /// <summary>The index of a work item id, or -1.</summary>
    public int IndexOf(int id) => id >= FirstId && id < FirstId + Count ? id - FirstId : -1;

    /// <summary>Someone edits item <paramref name="index"/> at <paramref name="at"/>: one more revision and one more comment.</summary>
    public void Touch(int index, DateTimeOffset at)
    {
        lock (_gate)
        {
            _touches[index].Add(Ms(at));
        }
    }

    /// <summary>Every (index, instant) touched so far, to replay on another site.</summary>
    public IReadOnlyList<(int Index, DateTimeOffset At)> Touches()
    {
        lock (_gate)
        {
            return [.. _touches.SelectMany((list, index) => list.Select(at => (index, at)))];
        }
    }

    /// <summary>Work item ids ordered as <c>ORDER BY [System.ChangedDate] ASC, [System.Id] ASC</c>, with their changed date.</summary>
    public IReadOnlyList<(int Id, DateTimeOffset Changed)> ByChanged() =>
        [.. Enumerable.Range(0, Count).Select(i => (Id: FirstId + i, Changed: ChangedOf(i))).OrderBy(i => i.Changed).ThenBy(i => i.Id)];

    public DateTimeOffset ChangedOf(int index)
    {
        lock (_gate)
        {
            return _touches[index].Count > 0 ? _touches[index][^1] : BaseChanged(index);
        }
    }

    public FakeAdoItem Item(int index)
    {
        List<DateTimeOffset> touches;
        lock (_gate)
        {
            touches = [.. _touches[index]];
        }

        var rng = new Random(HashSeed(index));
        var id = FirstId + index;
        var type = Types[rng.Next(Types.Length)];
        var created = Ms(Options.Start + TimeSpan.FromTicks((long)(rng.NextDouble() * (Options.Span.Ticks / 2))));
        var baseChanged = BaseChanged(index);
        var generated = rng.NextDouble() < Options.LongHistoryShare ? 60 + rng.Next(61) : 2 + rng.Next(7);
        var creator = People[rng.Next(People.Count - 1)];
        var area = Areas[rng.Next(Areas.Length)];
        var title = $"{type} {id}: saved cards at checkout";
        var iteration = Iterations[rng.Next(Iterations.Count)].Path;
        var state = 0;
        FakeAdoPerson? assignee = null;

        var updates = new List<FakeAdoUpdate>(generated + touches.Count)
        {
            new(1, 1, creator, created,
            [
                ("System.Rev", null, 1), ("System.TeamProject", null, Project), ("System.WorkItemType", null, type),
                ("System.State", null, States[0]), ("System.Reason", null, "New"), ("System.Title", null, title),
                ("System.AreaPath", null, area), ("System.IterationPath", null, iteration),
                ("System.CreatedDate", null, Iso(created)), ("System.CreatedBy", null, creator),
                ("System.ChangedDate", null, Iso(created)), ("System.ChangedBy", null, creator),
            ]),
        };
        var previous = created;
        for (var k = 2; k <= generated + touches.Count; k++)
        {
            var touched = k > generated;
            var at = touched ? touches[k - generated - 1] : Ms(created + ((baseChanged - created) * (k - 1) / (generated - 1)));
            var by = touched ? People[index % (People.Count - 1)] : People[rng.Next(People.Count)];
            var changes = new List<(string, object?, object?)>
            {
                ("System.Rev", k - 1, k), ("System.ChangedDate", Iso(previous), Iso(at)), ("System.ChangedBy", null, by),
            };
            switch (touched ? 0 : rng.Next(5))
            {
                case 0 or 1 when state < States.Length - 1:
                    changes.Add(("System.State", States[state], States[state + 1]));
                    changes.Add(("System.Reason", null, state == 0 ? "Implementation started" : "Work finished"));
                    state++;
                    break;
                case 2:
                    var next = People[rng.Next(People.Count - 1)];
                    changes.Add(("System.AssignedTo", assignee, next));
                    assignee = next;
                    break;
                case 3:
                    var moved = Iterations[rng.Next(Iterations.Count)].Path;
                    changes.Add(("System.IterationPath", iteration, moved));
                    iteration = moved;
                    break;
                default:
                    var edited = $"{title} (edit {k})";
                    changes.Add(("System.Title", title, edited));
                    title = edited;
                    break;
            }

            updates.Add(new FakeAdoUpdate(k, k, by, at, changes));
            previous = at;
        }

        var commentCount = rng.NextDouble() switch { < 0.6 => 0, < 0.9 => 1 + rng.Next(4), _ => 5 + rng.Next(26) };
        var comments = new List<FakeAdoComment>(commentCount + touches.Count);
        for (var k = 0; k < commentCount + touches.Count; k++)
        {
            var touched = k >= commentCount;
            var at = touched ? touches[k - commentCount] : Ms(created + ((baseChanged - created) * (k + 1) / (commentCount + 2)));
            comments.Add(new FakeAdoComment(
                900_000L + (index * 1000L) + k,
                touched ? People[index % (People.Count - 1)] : People[rng.Next(People.Count - 1)],
                at,
                $"<div>{CommentTexts[(index + k) % CommentTexts.Length]}</div>"));
        }

        return new FakeAdoItem(
            id, updates.Count, type, States[state], title, area, iteration, creator, assignee, created, previous, updates, comments);
    }

    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static readonly string[] CommentTexts =
    [
        "Waiting on the vault team for the list endpoint.",
        "Agreed with design: the card list goes above the form.",
        "QA found a rounding issue in the refund total.",
        "Moved to the next sprint, the API contract is not final.",
        "Customer interview notes attached; they want saved cards first.",
    ];

    private DateTimeOffset BaseChanged(int index)
    {
        // The last change of each item lies in the second half of the span, not in id order.
        var half = Options.Span.Ticks / 2;
        var slot = (long)index * 7919 % Math.Max(1, Count);
        return Ms(new DateTimeOffset(Options.Start.Ticks + half + (half * slot / Math.Max(1, Count)) + (index * TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }

    /// <summary>Azure DevOps keeps instants to the millisecond.</summary>
    private static DateTimeOffset Ms(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private int HashSeed(int index)
    {
        unchecked
        {
            var x = ((ulong)(uint)Options.Seed << 32) ^ (uint)index;
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdUL;
            x ^= x >> 33;
            return (int)(x & 0x7FFFFFFF);
        }
    }
}
