using System.Globalization;

namespace BacklogInsight.Api.Tests.AzureDevOps.Fake;

/// <summary>
/// A deterministic Azure DevOps organisation: 4 projects of 3 teams (each owning its area and the areas below it),
/// two-week iterations, 16 people and a build service, and <see cref="FakeAdoOptions.Items"/> work items with their
/// updates and comments. Items are generated on demand from their index (id = index + 1, project = index % 4), so an
/// organisation of 20,000 items costs a few arrays; <see cref="Touch"/>, <see cref="Move"/>, <see cref="Retype"/> and
/// <see cref="Delete"/> change it "now".
/// </summary>
public sealed class FakeAdoOrganisation
{
    public static readonly IReadOnlyList<string> ProjectNames = ["Phoenix", "Atlas", "Mercury", "Orion"];
    public static readonly IReadOnlyList<string> TeamNames = ["Checkout", "Search Squad", "Mobile"];
    public static readonly IReadOnlyList<string> States = ["New", "Active", "Resolved", "Closed"];

    private static readonly string[] Types = ["User Story", "User Story", "User Story", "Bug", "Task", "Task", "Feature", "Epic"];
    private static readonly string[] Tags = ["checkout", "payments", "search", "mobile", "tech-debt", "customer"];
    private static readonly TimeSpan SprintLength = TimeSpan.FromDays(14);

    private readonly Lock _gate = new();
    private readonly long[] _changedMs;
    private readonly int[] _projectOf;
    private readonly bool[] _deleted;
    private readonly Dictionary<int, List<Extra>> _extras = [];
    private readonly long _stride;

    /// <summary>
    /// Items built lately: a sync asks for an item's batch entry, updates and comments one after the other, and building
    /// it once instead of three times keeps the fake "instant". Two generations of at most <see cref="MaxBuilt"/> each (a
    /// full one becomes the older, the older is dropped): always the last batch of 200, never thousands of items kept
    /// long enough to reach the oldest heap generation. Emptied by every change to the organisation.
    /// </summary>
    private System.Collections.Concurrent.ConcurrentDictionary<int, FakeAdoItem> _built = new();
    private System.Collections.Concurrent.ConcurrentDictionary<int, FakeAdoItem> _builtBefore = new();
    private const int MaxBuilt = 256;
    private long _version;

    public FakeAdoOrganisation(FakeAdoOptions options)
    {
        Options = options;
        _changedMs = new long[options.Items];
        _projectOf = new int[options.Items];
        _deleted = new bool[options.Items];
        _stride = Stride(options.Items);
        for (var i = 0; i < options.Items; i++)
        {
            _changedMs[i] = BaseChanged(i).ToUnixTimeMilliseconds();
            _projectOf[i] = i % ProjectNames.Count;
        }

        People =
        [
            .. Enumerable.Range(0, 16).Select(p => new FakeAdoPerson(
                Guid(1, p, 0), $"Person {p:00}", $"person{p:00}@contoso.com", $"aad.{Convert.ToBase64String(BitConverter.GetBytes(p * 7919 + 1))}")),
            new FakeAdoPerson(Guid(1, 99, 0), "Project Collection Build Service (contoso)", "build@contoso.svc", "svc.YmFja2xvZy1ib3Q"),
        ];
        Projects =
        [
            .. ProjectNames.Select((name, p) => new FakeAdoProject(
                p, Guid(2, p, 0), name,
                [.. TeamNames.Select((team, t) => new FakeAdoTeam(
                    Guid(3, p, t), $"{name} {team}", name, $"{name}\\{team}", [.. Enumerable.Range(0, 6).Select(m => ((p * 3) + t + (m * 5)) % 16)]))])),
        ];
        var sprints = (int)(options.Span / SprintLength) + 2;
        Iterations = [.. Enumerable.Range(0, sprints).Select(s => new FakeAdoIteration(
            Guid(4, 0, s), $"Sprint {s + 1}", $"Sprint {s + 1}", options.Start + (SprintLength * s), options.Start + (SprintLength * (s + 1)) - TimeSpan.FromDays(1)))];
    }

    private enum ExtraKind
    {
        Touch,
        Move,
        Retype,
    }

    public FakeAdoOptions Options { get; }

    public IReadOnlyList<FakeAdoPerson> People { get; }

    public FakeAdoPerson BuildService => People[^1];

    public IReadOnlyList<FakeAdoProject> Projects { get; }

    /// <summary>The iterations of every project (paths are prefixed with the project's name).</summary>
    public IReadOnlyList<FakeAdoIteration> Iterations { get; }

    public int Count => Options.Items;

    public IEnumerable<FakeAdoTeam> Teams => Projects.SelectMany(p => p.Teams);

    public FakeAdoProject? ProjectOf(string nameOrId) =>
        Projects.FirstOrDefault(p => string.Equals(p.Name, nameOrId, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Id, nameOrId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The last change of every item not deleted, as (index, changed, project index): what WIQL filters on.</summary>
    public List<(int Index, long ChangedMs, int Project)> Live()
    {
        lock (_gate)
        {
            var live = new List<(int, long, int)>(Count);
            for (var i = 0; i < Count; i++)
            {
                if (!_deleted[i])
                {
                    live.Add((i, _changedMs[i], _projectOf[i]));
                }
            }

            return live;
        }
    }

    public bool IsDeleted(int index)
    {
        lock (_gate)
        {
            return _deleted[index];
        }
    }

    public DateTimeOffset ChangedOf(int index)
    {
        lock (_gate)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(_changedMs[index]);
        }
    }

    public DateTimeOffset LatestChange()
    {
        lock (_gate)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(_changedMs.Max());
        }
    }

    /// <summary>Someone moves the item forward a state and comments on it at <paramref name="at"/>.</summary>
    public void Touch(int index, DateTimeOffset at) => AddExtra(index, new Extra(ExtraKind.Touch, at, 0));

    /// <summary>The item moves to another project (its area and iteration follow) at <paramref name="at"/>.</summary>
    public void Move(int index, int project, DateTimeOffset at)
    {
        AddExtra(index, new Extra(ExtraKind.Move, at, project));
        lock (_gate)
        {
            _projectOf[index] = project;
            Changed();
        }
    }

    /// <summary>The item's type changes to <paramref name="typeIndex"/> of <c>Bug, Task, User Story, Feature</c>.</summary>
    public void Retype(int index, int typeIndex, DateTimeOffset at) => AddExtra(index, new Extra(ExtraKind.Retype, at, typeIndex));

    /// <summary>The item goes to the recycle bin: WIQL no longer finds it, a batch leaves it out, its updates answer 404.</summary>
    public void Delete(int index)
    {
        lock (_gate)
        {
            _deleted[index] = true;
            Changed();
        }
    }

    /// <summary>The index of a work item id, or -1.</summary>
    public int IndexOf(int id) => id >= 1 && id <= Count ? id - 1 : -1;

    /// <summary>How many updates and comments an item has, without building them.</summary>
    public (int Updates, int Comments) Shape(int index)
    {
        var rng = new Random(HashSeed(index, 0));
        var (updates, comments) = Counts(rng);
        var extras = ExtrasOf(index);
        return (updates + extras.Count, comments + extras.Count(e => e.Kind == ExtraKind.Touch));
    }

    public FakeAdoItem Item(int index)
    {
        if (_built.TryGetValue(index, out var cached) || _builtBefore.TryGetValue(index, out cached))
        {
            return cached;
        }

        var version = Interlocked.Read(ref _version);
        var item = Build(index);
        lock (_gate)
        {
            if (_version == version)
            {
                if (_built.Count >= MaxBuilt)
                {
                    _builtBefore = _built;
                    _built = new();
                }

                _built[index] = item;
            }
        }

        return item;
    }

    private FakeAdoItem Build(int index)
    {
        var extras = ExtrasOf(index);
        var rng = new Random(HashSeed(index, 0));
        var (updateCount, commentCount) = Counts(rng);
        var id = index + 1;
        var project = Projects[index % ProjectNames.Count];
        var team = project.Teams[(index / ProjectNames.Count) % TeamNames.Count];
        var type = TypeOf(index);
        var created = Options.Start + TimeSpan.FromMilliseconds(Math.Floor(rng.NextDouble() * (Options.Span.TotalMilliseconds / 2)));
        var baseChanged = BaseChanged(index);
        var owner = People[team.Members[rng.Next(team.Members.Count)]];
        var parent = ParentOf(index);

        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        var relations = new List<(string Rel, int Target)>();
        var updates = new List<FakeAdoUpdate>(updateCount + extras.Count);
        var rev = 0;
        var changedBy = owner;
        var at = created;
        var area = rng.Next(4) == 0 ? team.AreaPath + "\\Web" : team.AreaPath;

        FakeAdoUpdate Revise(FakeAdoPerson actor, DateTimeOffset when, List<FakeAdoFieldChange> changes, (string, int)? relation, int activities)
        {
            var all = new List<FakeAdoFieldChange>(changes.Count + 3)
            {
                new("System.Rev", rev == 0 ? null : rev, rev + 1),
                new("System.ChangedDate", rev == 0 ? null : at, when),
                new("System.ChangedBy", rev == 0 ? null : changedBy, actor),
            };
            foreach (var change in changes)
            {
                all.Add(change with { Old = fields.GetValueOrDefault(change.Name) });
                if (change.New is null)
                {
                    fields.Remove(change.Name);
                }
                else
                {
                    fields[change.Name] = change.New;
                }
            }

            rev++;
            fields["System.Rev"] = rev;
            fields["System.ChangedDate"] = when;
            fields["System.ChangedBy"] = actor;
            changedBy = actor;
            at = when;
            if (relation is { } added)
            {
                relations.Add(added);
            }

            return new FakeAdoUpdate(updates.Count + 1, rev, actor, when, all, relation, activities);
        }

        updates.Add(Revise(owner, created,
        [
            new("System.Id", null, id),
            new("System.AreaPath", null, area),
            new("System.TeamProject", null, project.Name),
            new("System.IterationPath", null, IterationAt(project.Name, created)),
            new("System.WorkItemType", null, type),
            new("System.State", null, States[0]),
            new("System.Reason", null, "New"),
            new("System.CreatedDate", null, created),
            new("System.CreatedBy", null, owner),
            new("System.Title", null, $"{type} {id}: {TitleWords[index % TitleWords.Length]}"),
            new("System.Description", null, $"<div>As a shopper I want <b>{TitleWords[index % TitleWords.Length]}</b>&nbsp;so that I can pay.</div>"),
            new("Microsoft.VSTS.Common.StackRank", null, 1000.0 + index),
        ], null, 0));

        var state = 0;
        var linkedParent = false;
        for (var k = 1; k < updateCount; k++)
        {
            var when = created + TimeSpan.FromMilliseconds(Math.Floor((baseChanged - created).TotalMilliseconds * k / (updateCount - 1)));
            var actor = People[team.Members[rng.Next(team.Members.Count)]];
            var roll = rng.Next(8);
            if (roll == 6 && parent is { } parentId && !linkedParent)
            {
                linkedParent = true;
                updates.Add(Revise(actor, when, [new("System.Parent", null, parentId + 1)], ("System.LinkTypes.Hierarchy-Reverse", parentId + 1), 1));
                continue;
            }

            // The item's last change is a field change, so System.ChangedDate is the instant WIQL filters on.
            if (roll == 7 && k < updateCount - 1)
            {
                // A related link alone: no fields, and the rev of the update before it (as in Microsoft's example).
                var target = ((index + 7) % Count) + 1;
                relations.Add(("System.LinkTypes.Related", target));
                updates.Add(new FakeAdoUpdate(updates.Count + 1, rev, actor, when, null, ("System.LinkTypes.Related", target), 1));
                continue;
            }

            List<FakeAdoFieldChange> change = roll switch
            {
                0 or 6 => [new("System.State", null, States[state = state == 3 ? 1 : state + 1])],
                1 => [new("System.AssignedTo", null, NextAssignee(fields.GetValueOrDefault("System.AssignedTo"), (team.Members[(k + index) % team.Members.Count] + k) % 16))],
                2 => [new("System.IterationPath", null, NextIteration(project.Name, (string)fields["System.IterationPath"], when))],
                3 => [new("Microsoft.VSTS.Scheduling.StoryPoints", null, k + 0.5)],
                4 => [new("Microsoft.VSTS.Common.StackRank", null, 1000.0 + index + (k * 0.25))],
                _ => [new("System.Tags", null, $"{Tags[(index + k) % Tags.Length]}; {Tags[(index + k + 1) % Tags.Length]}; r{k}")],
            };
            if (roll == 4 && k % 3 == 0)
            {
                actor = BuildService;
            }

            if (roll == 5 && k % 4 == 0)
            {
                change = [new("Microsoft.VSTS.Common.AcceptanceCriteria", null, $"<ul><li>Given a saved card</li><li>When paying, revision {k}</li></ul>")];
            }

            updates.Add(Revise(actor, when, change, null, 1));
        }

        var comments = new List<FakeAdoComment>(commentCount + extras.Count);
        for (var c = 0; c < commentCount; c++)
        {
            var when = created + TimeSpan.FromMilliseconds(Math.Floor((baseChanged - created).TotalMilliseconds * (c + 1) / (commentCount + 2)));
            comments.Add(new FakeAdoComment(c + 1, People[team.Members[(c + index) % team.Members.Count]], when, CommentTexts[(index + c) % CommentTexts.Length]));
        }

        foreach (var extra in extras)
        {
            var assignee = fields.GetValueOrDefault("System.AssignedTo") as FakeAdoPerson ?? owner;
            switch (extra.Kind)
            {
                case ExtraKind.Touch:
                    updates.Add(Revise(assignee, extra.At, [new("System.State", null, States[state = state == 3 ? 1 : state + 1])], null, 1));
                    comments.Add(new FakeAdoComment(comments.Count + 1, assignee, extra.At, "<p>Touched again: <i>ready for review</i></p>"));
                    break;
                case ExtraKind.Move:
                    var to = Projects[extra.Argument];
                    var toTeam = to.Teams[(index / ProjectNames.Count) % TeamNames.Count];
                    updates.Add(Revise(assignee, extra.At,
                    [
                        new("System.TeamProject", null, to.Name),
                        new("System.AreaPath", null, toTeam.AreaPath),
                        new("System.IterationPath", null, IterationAt(to.Name, extra.At)),
                    ], null, 2));
                    break;
                case ExtraKind.Retype:
                    string[] types = ["Bug", "Task", "User Story", "Feature"];
                    var retyped = types[extra.Argument] == (string)fields["System.WorkItemType"] ? 0 : 1;
                    updates.Add(Revise(assignee, extra.At, [new("System.WorkItemType", null, types[extra.Argument])], null, retyped));
                    break;
            }
        }

        if (comments.Count > 0)
        {
            fields["System.CommentCount"] = comments.Count;
        }

        return new FakeAdoItem(id, rev, fields, relations, updates, comments);
    }

    /// <summary>
    /// The activity keys a connector should store for the organisation: the creation of each item, one per changed
    /// field or added link of every later update, one per comment.
    /// </summary>
    public List<string> ExpectedActivityKeys()
    {
        var keys = new List<string>();
        foreach (var (index, _, _) in Live())
        {
            var item = Item(index);
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"cr{item.Id}"));
            foreach (var update in item.Updates)
            {
                keys.AddRange(Enumerable.Range(0, update.Activities).Select(a => string.Create(CultureInfo.InvariantCulture, $"u{item.Id}-{update.Id}-{a}")));
            }

            keys.AddRange(item.Comments.Select(c => string.Create(CultureInfo.InvariantCulture, $"c{item.Id}-{c.Id}")));
        }

        return keys;
    }

    /// <summary>
    /// The least requests the updates API path allows for a full read of the live items: one <c>workitemsbatch</c> per
    /// 200 ids, one updates page per 200 updates of each item plus the short page that ends it ($top/$skip carries no total),
    /// one comments page per 200 comments of each item that has any (the continuation token says when there are more),
    /// and one WIQL query per 20,000 ids (per followed scope).
    /// </summary>
    public (long Wiql, long Batch, long Updates, long Comments) MinimumRequests(int scopes = 1)
    {
        long updates = 0, comments = 0, live = 0;
        foreach (var (index, _, _) in Live())
        {
            live++;
            var (u, c) = Shape(index);
            updates += CeilDiv(u + 1, Options.MaxPageSize);
            comments += CeilDiv(c, Options.MaxPageSize);
        }

        return (scopes + Math.Max(0, CeilDiv(live, Options.WiqlCap) - 1), CeilDiv(live, 200), updates, comments);
    }

    /// <summary>The least requests the reporting revisions API needs for the same revisions: one page per 200 revisions.</summary>
    public long MinimumReportingRevisionPages()
    {
        long revisions = 0;
        foreach (var (index, _, _) in Live())
        {
            revisions += Shape(index).Updates;
        }

        return CeilDiv(revisions, Options.MaxPageSize);
    }

    public string IterationAt(string project, DateTimeOffset at) => $"{project}\\{SprintAt(at).Path}";

    public FakeAdoIteration SprintAt(DateTimeOffset at) =>
        Iterations[Math.Clamp((int)((at - Options.Start) / SprintLength), 0, Iterations.Count - 1)];

    public static string TypeOf(int index, int seed) => Types[(int)(Hash(seed, index, 2) % Types.Length)];

    private string TypeOf(int index) => TypeOf(index, Options.Seed);

    /// <summary>The parent of an item: the first Feature or Epic of its block of 40 in its project, when it is one.</summary>
    private int? ParentOf(int index)
    {
        var block = index - (index % (40 * ProjectNames.Count)) + (index % ProjectNames.Count);
        return block != index && TypeOf(block) is "Feature" or "Epic" && TypeOf(index) is not ("Feature" or "Epic") ? block : null;
    }

    private FakeAdoPerson NextAssignee(object? current, int candidate) =>
        Equals(current, People[candidate]) ? People[(candidate + 1) % 16] : People[candidate];

    private string NextIteration(string project, string current, DateTimeOffset at)
    {
        var next = IterationAt(project, at);
        return next != current ? next : $"{project}\\{Iterations[(Iterations.ToList().FindIndex(i => current.EndsWith(i.Path, StringComparison.Ordinal)) + 1) % Iterations.Count].Path}";
    }

    /// <summary>Called under the lock by every change: items built before it are stale.</summary>
    private void Changed()
    {
        Interlocked.Increment(ref _version);
        _built.Clear();
        _builtBefore.Clear();
    }

    private List<Extra> ExtrasOf(int index)
    {
        lock (_gate)
        {
            return _extras.TryGetValue(index, out var extras) ? [.. extras] : [];
        }
    }

    private void AddExtra(int index, Extra extra)
    {
        lock (_gate)
        {
            if (!_extras.TryGetValue(index, out var extras))
            {
                _extras[index] = extras = [];
            }

            extras.Add(extra);
            _changedMs[index] = extra.At.ToUnixTimeMilliseconds();
            Changed();
        }
    }

    private (int Updates, int Comments) Counts(Random rng)
    {
        var updates = rng.NextDouble() < Options.LongHistoryShare ? 201 + rng.Next(60) : 2 + rng.Next(Options.MaxOrdinaryUpdates - 1);
        var roll = rng.NextDouble();
        var comments = roll < Options.ManyCommentsShare ? 201 + rng.Next(40) : roll < 0.6 ? 0 : roll < 0.9 ? 1 + rng.Next(4) : 5 + rng.Next(16);
        return (updates, comments);
    }

    private DateTimeOffset BaseChanged(int index)
    {
        // A permutation spreads last changes over the second half of the span, not in id order.
        var half = Options.Span.Ticks / 2;
        var slot = (long)index * _stride % Count;
        var ticks = Options.Start.Ticks + half + (half * slot / Count) + (Hash(Options.Seed, index, 1) % TimeSpan.TicksPerMinute);
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static string Guid(int kind, int a, int b) =>
        new Guid(0x5f1c0000 + kind, (short)a, (short)b, 0x9e, 0x21, 0x6c, 0x0d, 0x8b, 0x7a, 0x4f, 0x10).ToString();

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

    private int HashSeed(int index, int salt) => (int)(Hash(Options.Seed, index, salt) & 0x7FFFFFFF);

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

    private static readonly string[] TitleWords =
        ["pay with a saved card", "refund a partial order", "search by brand", "offline basket", "export invoices", "one-tap reorder"];

    private static readonly string[] CommentTexts =
    [
        "<div>Refactored the refund handler and added tests.</div>",
        "<div>Can we agree the API contract with <b>mobile</b> before the sprint starts?</div>",
        "<p>Reviewed the PR &amp; left two comments.</p>",
        "<div>Roadmap: this belongs to the Q4 reliability goal.<br>See the strategy page.</div>",
    ];

    private sealed record Extra(ExtraKind Kind, DateTimeOffset At, int Argument);
}
