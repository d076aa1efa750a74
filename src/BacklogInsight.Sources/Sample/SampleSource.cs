using System.Runtime.CompilerServices;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>
/// A deterministic, credential-free product organisation behind <see cref="IBacklogSource"/>: the history is
/// generated once per instance from the connection's seed and anchor and then served page by page.
/// </summary>
public sealed class SampleSource(
    Connection connection,
    SampleSettings settings,
    SampleSourceOptions options,
    TimeProvider timeProvider) : IBacklogSource
{
    private readonly Lazy<SampleOrganisation> _organisation = new(
        () => SampleGenerator.Generate(settings.Seed, settings.AnchorFor(connection), connection.Id));

    /// <summary>The generated organisation (built on first use).</summary>
    public SampleOrganisation Organisation => _organisation.Value;

    public Task<SourceCatalogue> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var organisation = Organisation;
        return Task.FromResult(new SourceCatalogue
        {
            Teams = organisation.Teams,
            People = organisation.People,
            Sprints = organisation.Sprints,
            Requests = 0,
        });
    }

    /// <exception cref="FormatException"><paramref name="since"/> was not written by the sample source.</exception>
    public IAsyncEnumerable<ChangePage> ReadChangesAsync(SyncCheckpoint? since, CancellationToken cancellationToken)
    {
        // Parsed eagerly so a bad checkpoint fails at the call, not at the first MoveNextAsync.
        SampleCheckpoint? from = since is null ? null : SampleCheckpoint.Parse(since);
        return ReadPagesAsync(from, cancellationToken);
    }

    private async IAsyncEnumerable<ChangePage> ReadPagesAsync(
        SampleCheckpoint? since,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var activities = Organisation.Activities;
        var start = since is { } checkpoint ? FirstAfter(activities, checkpoint) : 0;
        var pageSize = Math.Max(1, options.PageSize);
        for (var offset = start; offset < activities.Count; offset += pageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (offset > start && options.PageDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.PageDelay, timeProvider, cancellationToken);
            }

            var count = Math.Min(pageSize, activities.Count - offset);
            yield return CreatePage(activities, offset, count);
        }
    }

    private ChangePage CreatePage(IReadOnlyList<Activity> activities, int offset, int count)
    {
        var order = new List<string>();
        var byItem = new Dictionary<string, List<Activity>>(StringComparer.Ordinal);
        for (var i = offset; i < offset + count; i++)
        {
            var activity = activities[i];
            if (!byItem.TryGetValue(activity.WorkItemSourceId, out var list))
            {
                list = [];
                byItem.Add(activity.WorkItemSourceId, list);
                order.Add(activity.WorkItemSourceId);
            }

            list.Add(activity);
        }

        var changes = order.ConvertAll(id => new WorkItemChange(Organisation.ItemsById[id], byItem[id]));
        return new ChangePage
        {
            Changes = changes,
            Checkpoint = SampleCheckpoint.Of(activities[offset + count - 1]).ToSyncCheckpoint(),
            Requests = 0,
        };
    }

    /// <summary>The index of the first activity strictly after <paramref name="checkpoint"/> (binary search).</summary>
    private static int FirstAfter(IReadOnlyList<Activity> activities, SampleCheckpoint checkpoint)
    {
        int low = 0, high = activities.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (checkpoint.CompareTo(activities[middle]) >= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
