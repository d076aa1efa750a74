using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Tries a connection and says in plain words what works: who the token is, which projects and boards it sees,
/// which permissions are missing, and the time zone JQL dates are read in; or why it cannot connect.
/// </summary>
public sealed class JiraConnectionTester(JiraClientFactory clients)
{
    private static readonly string[] NeededPermissions = ["BROWSE_PROJECTS", "USER_PICKER"];

    public async Task<JiraConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken)
    {
        JiraClient client;
        try
        {
            client = clients.Create(connection);
        }
        catch (FormatException ex)
        {
            return Failed(ex.Message);
        }

        JiraUser me;
        try
        {
            me = await client.GetMyselfAsync(cancellationToken);
        }
        catch (JiraSourceException ex)
        {
            return Failed(ex.Message);
        }

        var messages = new List<string>();
        var account = $"{me.DisplayName ?? "(no name)"} ({me.Id})";
        messages.Add($"The token belongs to {account}{(me.EmailAddress is null ? string.Empty : " <" + me.EmailAddress + ">")}.");
        if (!me.Active)
        {
            messages.Add("This account is deactivated in Jira; the sync will fail until it is reactivated or another token is used.");
        }

        var server = await TryReadServerInfoAsync(client, messages, cancellationToken);
        var zone = client.Settings.TimeZone ?? me.TimeZone;
        messages.Add(zone is null
            ? "The account's time zone is hidden; set \"timeZone\" in the connection settings so incremental syncs use the right dates."
            : $"JQL dates are read in the time zone {zone}{(server?.ServerTimeZone is { } siteZone && siteZone != zone ? $" (the site's own zone is {siteZone})" : string.Empty)}.");

        var missing = await TryAsync(messages, "permissions", async () =>
            (await client.GetMyPermissionsAsync(NeededPermissions, cancellationToken)).Permissions
                .Where(p => !p.Value.HavePermission).Select(p => p.Key).ToList()) ?? [];
        if (missing.Count > 0)
        {
            messages.Add($"The account lacks these permissions, so a sync would be incomplete: {string.Join("; ", missing.Select(Explain))}.");
        }

        var projects = await TryAsync(messages, "projects", async () =>
            (await client.GetProjectsAsync(cancellationToken)).Select(p => p.Key).ToList()) ?? [];
        messages.Add(projects.Count == 0
            ? "The token sees none of the followed projects; check the project keys and the Browse projects permission."
            : $"The token sees {projects.Count} project(s): {string.Join(", ", projects)}.");
        var boardList = new List<JiraBoard>();
        var boards = await TryAsync(messages, "boards", async () =>
        {
            boardList.AddRange(await client.GetBoardsAsync(null, cancellationToken));
            return boardList.Select(b => b.Name ?? b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }) ?? [];
        messages.Add($"The token sees {boards.Count} board(s){(boards.Count == 0 ? "; without boards no teams can be found" : ": " + string.Join(", ", boards.Take(20)))}.");

        var jqlProblems = await CheckJqlAsync(client, messages, cancellationToken);

        return new JiraConnectionTestResult
        {
            Succeeded = projects.Count > 0 && !jqlProblems && !missing.Contains("BROWSE_PROJECTS"),
            Site = server is null ? null : $"{server.ServerTitle ?? "Jira"} ({server.DeploymentType ?? "unknown deployment"} {server.Version})".Trim(),
            Account = account,
            TimeZone = zone,
            Projects = projects,
            Boards = boards,
            BoardIds = [.. boardList.Select(b => b.Id)],
            MissingPermissions = missing,
            Messages = messages,
        };
    }

    /// <summary>The site's name, version and deployment; says so when the connection's deployment setting does not match.</summary>
    private static async Task<JiraServerInfo?> TryReadServerInfoAsync(JiraClient client, List<string> messages, CancellationToken cancellationToken)
    {
        try
        {
            var server = await client.GetServerInfoAsync(cancellationToken);
            var siteIsCloud = string.Equals(server.DeploymentType, "Cloud", StringComparison.OrdinalIgnoreCase);
            messages.Add($"The site is {server.ServerTitle ?? "Jira"}, {(siteIsCloud ? "Jira Cloud" : "Jira Data Center / Server")} {server.Version}.".Replace(" .", ".", StringComparison.Ordinal));
            if (server.DeploymentType is not null && siteIsCloud != client.Settings.IsCloud)
            {
                messages.Add(siteIsCloud
                    ? "The connection is set to \"datacenter\" but the site is Jira Cloud: set \"deployment\" to \"cloud\"."
                    : "The connection is set to \"cloud\" but the site is Jira Data Center / Server: set \"deployment\" to \"datacenter\".");
            }

            return server;
        }
        catch (JiraSourceException ex)
        {
            messages.Add($"Could not read the site's version: {ex.Message}");
            return null;
        }
    }

    /// <summary>Runs the connection's search and each JQL-defined team once (one id), so a bad filter shows now, not mid-sync.</summary>
    private static async Task<bool> CheckJqlAsync(JiraClient client, List<string> messages, CancellationToken cancellationToken)
    {
        var failed = false;
        var queries = new List<(string What, string Jql)> { ("The connection's filter (projects, issue types, labels)", JiraJql.Sweep(client.Settings)) };
        queries.AddRange(client.Settings.Teams.Where(t => t.Jql is not null)
            .Select(t => ($"The JQL of team '{t.Name}'", JiraJql.Within(client.Settings, t.Jql!))));
        foreach (var (what, jql) in queries)
        {
            try
            {
                await foreach (var page in client.SearchIdsAsync(jql, cancellationToken))
                {
                    if (what.StartsWith("The connection", StringComparison.Ordinal))
                    {
                        messages.Add(page.Issues.Count == 0
                            ? "The connection's filter finds no issues: check the project keys, issue types and labels, and the Browse projects permission."
                            : "The connection's filter is valid JQL and finds issues.");
                    }

                    break;
                }
            }
            catch (JiraSourceException ex) when (ex.StatusCode == System.Net.HttpStatusCode.BadRequest)
            {
                failed = true;
                messages.Add($"{what} is not a valid Jira search: {ex.Message}");
            }
            catch (JiraSourceException ex)
            {
                failed = true;
                messages.Add($"{what} could not be run: {ex.Message}");
            }
        }

        return failed;
    }

    private static async Task<List<string>?> TryAsync(List<string> messages, string what, Func<Task<List<string>>> read)
    {
        try
        {
            return await read();
        }
        catch (JiraSourceException ex)
        {
            messages.Add($"Could not list {what}: {ex.Message}");
            return null;
        }
    }

    private static string Explain(string permission) => permission switch
    {
        "BROWSE_PROJECTS" => "BROWSE_PROJECTS (Browse projects: without it no issue, history or comment can be read)",
        "USER_PICKER" => "USER_PICKER (Browse users and groups: without it bots and deactivated people cannot be told apart)",
        _ => permission,
    };

    private static JiraConnectionTestResult Failed(string message) => new() { Succeeded = false, Messages = [message] };
}
