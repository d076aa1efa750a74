using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Sample;

namespace BacklogInsight.Sources.Tests.Sample;

/// <summary>The golden organisation (seed 42, anchor 2026-11-23T09:00Z), generated once for all fixtures.</summary>
internal static class SampleTestData
{
    public const int Seed = 42;

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<SampleOrganisation> Golden = new(() => SampleGenerator.Generate(Seed, Now));

    public static SampleOrganisation Organisation => Golden.Value;

    public static SampleTeamProfile Profile(SampleTeamSituation situation) =>
        Organisation.Profiles.First(p => p.Situation == situation);

    public static IEnumerable<Activity> ActivitiesOf(SampleOrganisation organisation, Team team) =>
        organisation.Activities.Where(a => organisation.ItemsById[a.WorkItemSourceId].TeamSourceId == team.SourceId);

    public static WorkItem ItemOf(Activity activity) => Organisation.ItemsById[activity.WorkItemSourceId];

    /// <summary>SHA-256 over every activity's key, time, actor, kind, field, from, to and text, in stream order.</summary>
    public static string Fingerprint(IEnumerable<Activity> activities)
    {
        var canonical = new StringBuilder();
        foreach (var a in activities)
        {
            canonical.Append(a.SourceKey).Append('\u001f')
                .Append(a.OccurredAt.ToString("O", CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(a.ActorSourceId).Append('\u001f')
                .Append(a.Kind).Append('\u001f')
                .Append(a.Field).Append('\u001f')
                .Append(a.From).Append('\u001f')
                .Append(a.To).Append('\u001f')
                .Append(a.Text).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
