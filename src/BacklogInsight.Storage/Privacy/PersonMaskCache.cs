using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// The installation's masks, built once from every stored person and kept while the people are unchanged: loading
/// every person and building the mask's pattern on each request cost more than most requests themselves.
/// </summary>
/// <remarks>
/// Each use reads a stamp of the <c>People</c> table (how many, the highest id, the length of every name and account id
/// added up) in one aggregate query. Reading it from the database, not from an in-process signal, keeps every node and
/// every process (a worker syncing, the API serving) right at once: a person added or removed, or renamed to a name of
/// another length, changes the stamp and the masks are rebuilt before anything is masked with them. A rename to a
/// name of exactly the same length does not change the stamp; the masks are rebuilt at least every
/// <see cref="Lifetime"/> so that case, too, is seen soon. Built masks are immutable and safe to share between requests.
/// </remarks>
internal sealed class PersonMaskCache(PersonNames names, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private volatile Snapshot? _snapshot;

    /// <summary>The pseudonymising and the hiding mask for the people stored now.</summary>
    public async Task<(PersonMask Pseudonymising, PersonMask Hiding)> GetAsync(BacklogDbContext db, CancellationToken cancellationToken)
    {
        var stamp = await db.People.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new PeopleStamp(g.Count(), g.Max(p => p.Id), g.Sum(p => (long)p.DisplayName.Length + p.SourceId.Length)))
            .SingleOrDefaultAsync(cancellationToken) ?? PeopleStamp.None;
        var now = time.GetUtcNow();
        if (_snapshot is { } cached && cached.Stamp == stamp && now - cached.BuiltAt < Lifetime)
        {
            return (cached.Pseudonymising, cached.Hiding);
        }

        var people = (await db.People.AsNoTracking()
                .Select(p => new { p.ConnectionId, p.SourceId, p.DisplayName })
                .ToListAsync(cancellationToken))
            .Select(p => (p.ConnectionId, p.SourceId, p.DisplayName)).ToList();
        var built = new Snapshot(stamp, now, PersonMask.Pseudonymising(names, people), PersonMask.Hiding(people));
        _snapshot = built;
        return (built.Pseudonymising, built.Hiding);
    }

    private sealed record PeopleStamp(int Count, long HighestId, long Letters)
    {
        public static PeopleStamp None { get; } = new(0, 0, 0);
    }

    private sealed record Snapshot(PeopleStamp Stamp, DateTimeOffset BuiltAt, PersonMask Pseudonymising, PersonMask Hiding);
}
