using System.Globalization;

namespace BacklogInsight.Api.Tests.Jira.Fake;

/// <summary>How big and how busy the generated Jira site is.</summary>
public sealed record FakeJiraSiteOptions
{
    public int Issues { get; init; } = 300;

    public int Seed { get; init; } = 7;

    /// <summary>Share of issues with more histories than the search embeds (101..350 of them).</summary>
    public double LongHistoryShare { get; init; } = 0.025;

    /// <summary>Histories of an ordinary issue: 0..this (uniform).</summary>
    public int MaxOrdinaryHistories { get; init; } = 20;

    /// <summary>Histories the search embeds per issue (the newest ones); the rest come from the changelog endpoint.</summary>
    public int InlineHistories { get; init; } = 100;

    /// <summary>Comments the search embeds per issue (the oldest ones); the rest come from the comment endpoint.</summary>
    public int InlineComments { get; init; } = 20;

    /// <summary>The most issues, histories or comments one page holds, whatever the client asks for.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>The API user's profile zone: JQL date literals are read in it.</summary>
    public string TimeZone { get; init; } = "Europe/Berlin";

    /// <summary>Every issue is created and updated inside [Start, Start + Span).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 8, 3, 0, 0, 0, TimeSpan.Zero);

    public TimeSpan Span { get; init; } = TimeSpan.FromDays(84);
}

/// <summary>One generated issue with every history and comment it has now.</summary>
public sealed record FakeIssue(
    int Index,
    string Id,
    string Key,
    string Type,
    int StatusIndex,
    string? ParentId,
    string Assignee,
    string Reporter,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    long? SprintId,
    IReadOnlyList<FakeHistory> Histories,
    IReadOnlyList<FakeComment> Comments);

public sealed record FakeHistory(string Id, string Author, DateTimeOffset Created, IReadOnlyList<FakeChangeItem> Items);

public sealed record FakeChangeItem(string Field, string FieldType, string? FieldId, string? From, string? FromString, string? To, string? ToText);

public sealed record FakeComment(string Id, string Author, DateTimeOffset Created, string Text);

public sealed record FakeSprint(long Id, string Name, string State, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// A deterministic Jira Cloud site of <see cref="FakeJiraSiteOptions.Issues"/> issues in project PAY, one scrum
/// board (7) with two-week sprints, and a dozen people. Issues are generated on demand from their index, so a
/// site of 20,000 issues costs a few arrays; <see cref="Touch"/> adds a history and a comment to an issue "now".
/// </summary>
public sealed class FakeJiraSite
{
    public const string ProjectKey = "PAY";
    public const string ProjectId = "10040";
    public const long BoardId = 7;
    public const string SprintField = "customfield_10020";
    public const string StoryPointField = "customfield_10016";
    public const string RankField = "customfield_10019";
    public const string Lead = "acc-lead-00";
    public const string Bot = "acc-bot-automation";

    public static readonly IReadOnlyList<string> People =
        [Lead, "acc-dev-01", "acc-dev-02", "acc-dev-03", "acc-dev-04", "acc-qa-05", "acc-po-06", "acc-sm-07", "acc-dev-08", "acc-ux-09", "acc-dev-10", Bot];

    public static readonly IReadOnlyList<(string Id, string Name, string Category)> Statuses =
        [("10001", "To Do", "new"), ("3", "In Progress", "indeterminate"), ("10002", "In Review", "indeterminate"), ("10003", "Done", "done")];

    private static readonly string[] Types = ["Story", "Story", "Story", "Bug", "Task", "Task", "Epic"];
    private static readonly TimeSpan SprintLength = TimeSpan.FromDays(14);

    private readonly object _gate = new();
    private readonly long[] _updatedMs;
    private readonly List<long>?[] _touchesMs;
    private readonly long _stride;
    private int[]? _byUpdated;

    /// <summary>
    /// Issues built lately: a search page builds each of its issues, and the overflow changelog and comment requests that
    /// follow ask for the same ones again; built once, the fake stays "instant". Bounded, emptied by every touch.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, FakeIssue> _built = new();
    private const int MaxBuilt = 2048;
    private long _version;

    public FakeJiraSite(FakeJiraSiteOptions options)
    {
        Options = options;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _updatedMs = new long[options.Issues];
        _touchesMs = new List<long>?[options.Issues];
        _stride = Stride(options.Issues);
        for (var i = 0; i < options.Issues; i++)
        {
            _updatedMs[i] = BaseUpdatedMs(i);
        }

        Sprints = Enumerable.Range(0, (int)(options.Span / SprintLength) + 1)
            .Select(s => new FakeSprint(
                100 + s,
                $"PAY Sprint {s + 1}",
                s < (int)(options.Span / SprintLength) - 1 ? "closed" : s == (int)(options.Span / SprintLength) - 1 ? "active" : "future",
                options.Start + (SprintLength * s),
                options.Start + (SprintLength * (s + 1))))
            .ToList();
    }

    public FakeJiraSiteOptions Options { get; }

    public TimeZoneInfo Zone { get; }

    public IReadOnlyList<FakeSprint> Sprints { get; }

    public int Count => Options.Issues;

    /// <summary>Issue indexes ordered as <c>ORDER BY updated ASC, key ASC</c>.</summary>
    public IReadOnlyList<int> ByUpdated()
    {
        lock (_gate)
        {
            return _byUpdated ??= [.. Enumerable.Range(0, Count).OrderBy(i => _updatedMs[i]).ThenBy(i => i)];
        }
    }

    public DateTimeOffset UpdatedOf(int index)
    {
        lock (_gate)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(_updatedMs[index]);
        }
    }

    /// <summary>The index of an issue key (PAY-1 is index 0), or -1.</summary>
    public int IndexOf(string keyOrId)
    {
        if (keyOrId.StartsWith(ProjectKey + "-", StringComparison.Ordinal)
            && int.TryParse(keyOrId.AsSpan(ProjectKey.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= Count)
        {
            return number - 1;
        }

        return int.TryParse(keyOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 10000 && id <= 10000 + Count
            ? id - 10001
            : -1;
    }

    /// <summary>Someone edits the issue at <paramref name="at"/>: one more status history and one more comment.</summary>
    public void Touch(int index, DateTimeOffset at)
    {
        lock (_gate)
        {
            // Like a real Jira, a touch appends entries with their own time; earlier entries keep theirs.
            (_touchesMs[index] ??= []).Add(at.ToUnixTimeMilliseconds());
            _updatedMs[index] = at.ToUnixTimeMilliseconds();
            _byUpdated = null;
            _version++;
            _built.Clear();
        }
    }

    /// <summary>How many histories and comments issue <paramref name="index"/> has, without building them.</summary>
    public (int Histories, int Comments) Shape(int index)
    {
        int extra;
        lock (_gate)
        {
            extra = _touchesMs[index]?.Count ?? 0;
        }

        var rng = new Random(HashSeed(Options.Seed, index));
        return Counts(rng, extra);
    }

    public FakeIssue Issue(int index)
    {
        if (_built.TryGetValue(index, out var cached))
        {
            return cached;
        }

        long version;
        lock (_gate)
        {
            version = _version;
        }

        var issue = Build(index);
        lock (_gate)
        {
            if (_version == version)
            {
                if (_built.Count >= MaxBuilt)
                {
                    _built.Clear();
                }

                _built[index] = issue;
            }
        }

        return issue;
    }

    private FakeIssue Build(int index)
    {
        long updatedMs;
        long[] touchesMs;
        lock (_gate)
        {
            updatedMs = _updatedMs[index];
            touchesMs = _touchesMs[index]?.ToArray() ?? [];
        }

        var extra = touchesMs.Length;

        var rng = new Random(HashSeed(Options.Seed, index));
        var (historyCount, commentCount) = Counts(rng, extra);
        var updated = DateTimeOffset.FromUnixTimeMilliseconds(updatedMs);
        var baseUpdated = DateTimeOffset.FromUnixTimeMilliseconds(BaseUpdatedMs(index));
        var created = Options.Start + TimeSpan.FromTicks((long)(rng.NextDouble() * (Options.Span.Ticks / 2)));
        var type = Types[rng.Next(Types.Length)];
        var id = (10001 + index).ToString(CultureInfo.InvariantCulture);
        var epicIndex = index - (index % 40);
        var parent = type != "Epic" && Types[new Random(HashSeed(Options.Seed, epicIndex)).Next(Types.Length)] == "Epic" && epicIndex != index
            ? (10001 + epicIndex).ToString(CultureInfo.InvariantCulture)
            : null;
        var reporter = People[rng.Next(People.Count - 1)];
        var assignee = People[1 + rng.Next(People.Count - 2)];

        var histories = new List<FakeHistory>(historyCount);
        var status = 0;
        long? sprint = null;
        var points = 0;
        for (var k = 0; k < historyCount; k++)
        {
            // Generated histories lie between creation and the generated last update; touches come after.
            var at = k < historyCount - extra
                ? created + ((baseUpdated - created) * (k + 1) / (historyCount - extra + 1))
                : DateTimeOffset.FromUnixTimeMilliseconds(touchesMs[k - (historyCount - extra)]) - TimeSpan.FromSeconds(1);
            var author = k >= historyCount - extra ? assignee : People[rng.Next(People.Count)];
            var items = new List<FakeChangeItem>(2);
            switch (k < historyCount - extra ? rng.Next(6) : 0)
            {
                case 0 or 1:
                    var next = (status + 1) % Statuses.Count;
                    items.Add(new FakeChangeItem("status", "jira", "status", Statuses[status].Id, Statuses[status].Name, Statuses[next].Id, Statuses[next].Name));
                    status = next;
                    break;
                case 2:
                    var who = People[1 + rng.Next(People.Count - 2)];
                    items.Add(new FakeChangeItem("assignee", "jira", "assignee", null, null, who, "Person " + who));
                    break;
                case 3:
                    var nextSprint = SprintAt(at).Id;
                    items.Add(new FakeChangeItem(
                        "Sprint", "custom", SprintField, sprint?.ToString(CultureInfo.InvariantCulture), sprint is null ? null : $"PAY Sprint {sprint - 99}",
                        nextSprint.ToString(CultureInfo.InvariantCulture), $"PAY Sprint {nextSprint - 99}"));
                    sprint = nextSprint;
                    items.Add(new FakeChangeItem("Rank", "custom", RankField, string.Empty, string.Empty, string.Empty, "Ranked higher"));
                    break;
                case 4:
                    var estimate = 1 + rng.Next(8);
                    items.Add(new FakeChangeItem(
                        "Story point estimate", "custom", StoryPointField, null,
                        points == 0 ? null : points.ToString(CultureInfo.InvariantCulture), null, estimate.ToString(CultureInfo.InvariantCulture)));
                    points = estimate;
                    break;
                default:
                    items.Add(new FakeChangeItem("labels", "jira", "labels", null, string.Empty, null, "payments refunds"));
                    break;
            }

            histories.Add(new FakeHistory(((index + 1) * 1000L + k).ToString(CultureInfo.InvariantCulture), author, at, items));
        }

        var comments = new List<FakeComment>(commentCount);
        for (var k = 0; k < commentCount; k++)
        {
            var at = k < commentCount - extra
                ? created + ((baseUpdated - created) * (k + 1) / (commentCount - extra + 2))
                : DateTimeOffset.FromUnixTimeMilliseconds(touchesMs[k - (commentCount - extra)]);
            var author = k >= commentCount - extra ? assignee : People[rng.Next(People.Count - 1)];
            comments.Add(new FakeComment(
                (500_000_000L + ((index + 1) * 1000L) + k).ToString(CultureInfo.InvariantCulture),
                author,
                at,
                CommentTexts[(index + k) % CommentTexts.Length]));
        }

        return new FakeIssue(
            index, id, $"{ProjectKey}-{index + 1}", type, status, parent, assignee, reporter, created, updated,
            sprint ?? (type == "Epic" ? null : SprintAt(created).Id), histories, comments);
    }

    public FakeSprint SprintAt(DateTimeOffset at) =>
        Sprints[Math.Clamp((int)((at - Options.Start) / SprintLength), 0, Sprints.Count - 1)];

    /// <summary>The least requests the documented API allows for a full read: search pages plus overflow pages.</summary>
    public (long Search, long Changelog, long Comment) MinimumRequests(int searchPageSize)
    {
        long changelog = 0, comment = 0;
        var page = Math.Min(searchPageSize, Options.MaxPageSize);
        for (var i = 0; i < Count; i++)
        {
            var (histories, comments) = Shape(i);
            changelog += CeilDiv(Math.Max(0, histories - Options.InlineHistories), Options.MaxPageSize);
            comment += CeilDiv(Math.Max(0, comments - Options.InlineComments), Options.MaxPageSize);
        }

        return (CeilDiv(Count, page), changelog, comment);
    }

    private static readonly string[] CommentTexts =
    [
        "Refactored the refund handler and added tests for partial refunds.",
        "Can we agree on the API contract with the mobile team before the sprint starts?",
        "Reviewed the PR, two small comments on naming.",
        "Deployed to staging; QA please verify the settlement report.",
        "Customer reported the refund email arrives twice. Investigating.",
        "Roadmap: this belongs to the Q4 payments reliability goal.",
    ];

    private (int Histories, int Comments) Counts(Random rng, int extra)
    {
        var histories = rng.NextDouble() < Options.LongHistoryShare
            ? 101 + rng.Next(250)
            : rng.Next(Options.MaxOrdinaryHistories + 1);
        var roll = rng.NextDouble();
        var comments = roll < 0.6 ? rng.Next(4) : roll < 0.9 ? 4 + rng.Next(17) : 21 + rng.Next(40);
        return (histories + extra, comments + extra);
    }

    private long BaseUpdatedMs(int index)
    {
        // A permutation spreads last updates over the second half of the span, not in key order.
        var half = Options.Span.Ticks / 2;
        var slot = (long)index * _stride % Count;
        var at = Options.Start.Ticks + half + (half * slot / Count) + (Hash(Options.Seed, index, 1) % TimeSpan.TicksPerMinute);
        return new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    private static long Stride(int count)
    {
        long stride = 7919;
        while (Gcd(stride, count) != 1)
        {
            stride += 2;
        }

        return stride;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static int HashSeed(int seed, int index) => (int)(Hash(seed, index, 0) & 0x7FFFFFFF);

    private static long Hash(int seed, int index, int salt)
    {
        unchecked
        {
            var x = ((ulong)(uint)seed << 32) ^ (uint)index ^ ((ulong)salt << 58);
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdUL;
            x ^= x >> 33;
            x *= 0xc4ceb9fe1a85ec53UL;
            x ^= x >> 33;
            return (long)(x & 0x7FFFFFFFFFFFFFFFUL);
        }
    }
}
