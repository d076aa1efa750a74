using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// How a person is named wherever people are shown: their display name, or with <see cref="PrivacyOptions.Pseudonymise"/>
/// an HMAC of their connection and account id under the installation's <see cref="PseudonymKey"/>.
/// </summary>
public sealed class PersonNames(IOptions<PrivacyOptions> options, PseudonymKey key)
{
    public PrivacyOptions Options => options.Value;

    /// <summary>The name to show for a person; <paramref name="displayName"/> may be unknown.</summary>
    public string Show(Guid connectionId, string sourceId, string? displayName) =>
        options.Value.Pseudonymise ? Pseudonym(connectionId, sourceId) : displayName ?? sourceId;

    /// <summary>"Person " and six hex digits, the same for the same person in this installation.</summary>
    public string Pseudonym(Guid connectionId, string sourceId)
    {
        var hash = HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes($"{connectionId:N}/{sourceId}"));
        return "Person " + Convert.ToHexStringLower(hash)[..6];
    }

    /// <summary>The mask for free text of these connections: every known person's name to their pseudonym (or nothing when not pseudonymising).</summary>
    public async Task<PersonTextMask> TextMaskAsync(BacklogDbContext db, IReadOnlyCollection<Guid> connectionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!options.Value.Pseudonymise || connectionIds.Count == 0)
        {
            return PersonTextMask.None;
        }

        var people = await db.People.AsNoTracking().Where(p => connectionIds.Contains(p.ConnectionId))
            .Select(p => new { p.ConnectionId, p.SourceId, p.DisplayName })
            .ToListAsync(cancellationToken);
        return new PersonTextMask(people
            .Where(p => p.DisplayName.Length >= 3)
            .GroupBy(p => p.ConnectionId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<(string, string)>)g.OrderByDescending(p => p.DisplayName.Length)
                    .Select(p => (p.DisplayName, Pseudonym(g.Key, p.SourceId))).ToList()));
    }

    /// <summary>Whether a week's person-level view of a team with <paramref name="people"/> people may be shown.</summary>
    public bool MayShowPeople(int people) => people >= options.Value.MinimumGroupSize;
}
