using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Tries a connection and says in plain words what works: whether the token is accepted, which followed projects and
/// teams it sees, and whether work items can be queried; or why it cannot connect (bad or expired token, wrong URL).
/// </summary>
public sealed class AzureDevOpsConnectionTester(AzureDevOpsClientFactory clients)
{
    public async Task<AzureDevOpsConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken)
    {
        AzureDevOpsClient client;
        try
        {
            client = clients.Create(connection);
        }
        catch (FormatException ex)
        {
            return Failed(ex.Message);
        }

        IReadOnlyList<AdoProject> all;
        try
        {
            all = await client.GetProjectsAsync(cancellationToken);
        }
        catch (AzureDevOpsSourceException ex)
        {
            return Failed(ex.Message);
        }

        var messages = new List<string> { $"The token is accepted and sees {all.Count} project(s) at {connection.BaseUrl}." };
        var followed = client.Settings.FollowedProjects;
        var found = followed.Count == 0
            ? all.ToList()
            : all.Where(p => followed.Contains(p.Name, StringComparer.OrdinalIgnoreCase) || followed.Contains(p.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        var missing = followed.Where(f => !found.Any(p => string.Equals(p.Name, f, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Id, f, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            messages.Add($"The token sees no project named {string.Join(", ", missing.Select(m => $"'{m}'"))}; check the \"projects\" setting and the token's access.");
        }

        var teams = new List<string>();
        foreach (var project in found)
        {
            try
            {
                var projectTeams = (await client.GetTeamsAsync(project.Id, cancellationToken)).Where(client.Settings.FollowsTeam).Select(t => t.Name).ToList();
                teams.AddRange(projectTeams);
                messages.Add(projectTeams.Count == 0
                    ? $"Project {project.Name} has none of the followed teams; its work items will have no team."
                    : $"Project {project.Name}: {projectTeams.Count} team(s): {string.Join(", ", projectTeams.Take(20))}.");
                await client.QueryAsync(project.Name, AzureDevOpsWiql.ChangedBetween(project.Name, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), []), cancellationToken);
            }
            catch (AzureDevOpsSourceException ex)
            {
                messages.Add($"Project {project.Name} cannot be read: {ex.Message}");
                missing.Add(project.Name);
            }
        }

        if (found.Count == 0)
        {
            messages.Add("There is nothing to sync: the token sees none of the followed projects.");
        }

        return new AzureDevOpsConnectionTestResult
        {
            Succeeded = found.Count > 0 && missing.Count == 0,
            Projects = [.. found.Select(p => p.Name)],
            Teams = teams,
            Messages = messages,
        };
    }

    private static AzureDevOpsConnectionTestResult Failed(string message) => new() { Succeeded = false, Messages = [message] };
}
