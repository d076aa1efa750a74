using System.Runtime.CompilerServices;

namespace BacklogInsight.Sources.Jira;

/// <summary>Push refresh of one issue and the id sweep that reconciles deleted and moved issues.</summary>
public sealed partial class JiraSource
{
    /// <summary>
    /// Reads one issue by id (<c>GET issue/{id}?expand=changelog</c>), completes its changelog and comments as a sync
    /// does, and maps it with every activity. Null when Jira answers 404 (deleted, or not visible to the account) or the
    /// issue lies outside the connection's projects, issue types or labels: the sweep treats both as gone.
    /// </summary>
    public async Task<SingleItemRead> ReadItemAsync(string sourceId, CancellationToken cancellationToken)
    {
        var requests = client.Stats.Requests;
        var retries = client.Stats.Retries;
        var siteFields = await client.GetFieldsAsync(cancellationToken);
        var fieldMap = JiraFieldMap.From(siteFields);
        var mapper = new JiraMapper(connection, fieldMap);
        var rules = await JiraTeamRules.CreateAsync(
            _settings, siteFields, (jql, ct) => ListIdsAsync(JiraJql.Within(_settings, jql, sourceId), ct), cancellationToken);
        var fields = SearchFields.Concat(fieldMap.SearchFields()).Concat(rules.SearchFields).Distinct().ToList();
        var issue = await client.GetIssueAsync(sourceId, fields, cancellationToken);
        WorkItemChange? change = null;
        if (issue is not null && InScope(issue))
        {
            change = (await ToChangesAsync([issue], mapper, rules, cancellationToken)).Changes[0];
        }

        return new SingleItemRead
        {
            Change = change,
            Requests = client.Stats.Requests - requests,
            Retries = client.Stats.Retries - retries,
        };
    }

    /// <summary>
    /// Lists the id and key of every issue in scope: the scope's JQL without a date bound, ordered by creation, asking
    /// only for ids (<see cref="JiraOptions.SweepPageSize"/> per page).
    /// </summary>
    public async IAsyncEnumerable<LiveItemPage> ListLiveIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requests = client.Stats.Requests;
        var retries = client.Stats.Retries;
        await foreach (var page in client.SearchIdsAsync(JiraJql.Sweep(_settings), cancellationToken))
        {
            yield return new LiveItemPage
            {
                Items = [.. page.Issues.Select(i => new LiveWorkItem(i.Id, i.Key))],
                Requests = client.Stats.Requests - requests,
                Retries = client.Stats.Retries - retries,
            };
            requests = client.Stats.Requests;
            retries = client.Stats.Retries;
        }
    }

    private async Task<IReadOnlyCollection<string>> ListIdsAsync(string scopedJql, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in client.SearchIdsAsync(scopedJql, cancellationToken))
        {
            ids.UnionWith(page.Issues.Select(i => i.Id));
        }

        return ids;
    }

    private bool InScope(JiraIssue issue)
    {
        var fields = issue.Fields;
        return (_settings.Projects.Count == 0 || _settings.Projects.Contains(fields.Project?.Key ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            && (_settings.IssueTypes.Count == 0 || _settings.IssueTypes.Contains(fields.IssueType?.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            && (_settings.Labels.Count == 0 || (fields.Labels ?? []).Any(l => _settings.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)));
    }
}
