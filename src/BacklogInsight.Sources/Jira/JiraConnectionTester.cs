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
        messages.Add($"The token belongs to {account}.");
        var zone = client.Settings.TimeZone ?? me.TimeZone;
        messages.Add(zone is null
            ? "The account's time zone is hidden; set \"timeZone\" in the connection settings so incremental syncs use the right dates."
            : $"JQL dates are read in the time zone {zone}.");

        var missing = await TryAsync(messages, "permissions", async () =>
            (await client.GetMyPermissionsAsync(NeededPermissions, cancellationToken)).Permissions
                .Where(p => !p.Value.HavePermission).Select(p => p.Key).ToList()) ?? [];
        if (missing.Count > 0)
        {
            messages.Add($"The account lacks these permissions: {string.Join(", ", missing)}.");
        }

        var projects = await TryAsync(messages, "projects", async () =>
            (await client.GetProjectsAsync(cancellationToken)).Select(p => p.Key).ToList()) ?? [];
        messages.Add(projects.Count == 0
            ? "The token sees none of the followed projects; check the project keys and the Browse projects permission."
            : $"The token sees {projects.Count} project(s): {string.Join(", ", projects)}.");
        var boards = await TryAsync(messages, "boards", async () =>
            (await client.GetBoardsAsync(null, cancellationToken)).Select(b => b.Name ?? b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()) ?? [];
        messages.Add($"The token sees {boards.Count} board(s){(boards.Count == 0 ? "; without boards no teams can be found" : ": " + string.Join(", ", boards.Take(20)))}.");

        return new JiraConnectionTestResult
        {
            Succeeded = projects.Count > 0,
            Account = account,
            TimeZone = zone,
            Projects = projects,
            Boards = boards,
            MissingPermissions = missing,
            Messages = messages,
        };
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

    private static JiraConnectionTestResult Failed(string message) => new() { Succeeded = false, Messages = [message] };
}
