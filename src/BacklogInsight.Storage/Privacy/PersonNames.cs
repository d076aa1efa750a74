using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// How a person is named wherever people are shown: their display name, or with <see cref="PrivacyOptions.Pseudonymise"/>
/// an HMAC of their connection and account id under the installation's <see cref="PseudonymKey"/>.
/// </summary>
public sealed class PersonNames(IOptions<PrivacyOptions> options, PseudonymKey key, TimeProvider time)
{
    private PersonMaskCache? _masks;

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

    /// <summary>"person-" and sixteen hex digits: the account id shown instead of the tracker's, the same for the same person in this installation.</summary>
    public string PseudonymousId(Guid connectionId, string sourceId)
    {
        var hash = HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes($"{connectionId:N}/{sourceId}"));
        return "person-" + Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The mask for what a request shows: every stored person's name and account id (nothing when not pseudonymising).</summary>
    public async Task<PersonMask> MaskAsync(BacklogDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return options.Value.Pseudonymise ? (await MasksAsync(db, cancellationToken)).Pseudonymising : PersonMask.Off;
    }

    /// <summary>Both masks of the people stored now, from the installation's cache.</summary>
    internal Task<(PersonMask Pseudonymising, PersonMask Hiding)> MasksAsync(BacklogDbContext db, CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _masks, () => new PersonMaskCache(this, time)).GetAsync(db, cancellationToken);

    /// <summary>Whether a week's person-level view of a team with <paramref name="people"/> people may be shown.</summary>
    public bool MayShowPeople(int people) => people >= options.Value.MinimumGroupSize;

    /// <summary>Whether any view may be hidden for its group size (a minimum above 1).</summary>
    public bool HidesSmallGroups => options.Value.MinimumGroupSize > 1;

    /// <summary>Why a person-level view of a group of <paramref name="people"/> is hidden, in plain words.</summary>
    public string HiddenReason(int people, string group) =>
        $"{people} {(people == 1 ? "person" : "people")} acted on {group}; person-level views are shown from "
        + $"{options.Value.MinimumGroupSize} people on (Privacy:MinimumGroupSize), so nobody is singled out.";
}
