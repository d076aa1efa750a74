using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.FaultSuite.Trackers;

/// <summary>The fake Jira Cloud site of the Api tests (<see cref="FakeJiraServer"/>): project PAY, one scrum board.</summary>
public sealed class JiraTracker : FakeTracker
{
    private readonly FakeJiraServer _server;

    private JiraTracker(FakeJiraServer server) => _server = server;

    public override TrackerKind Kind => TrackerKind.Jira;

    public override Uri BaseUrl => _server.BaseUrl;

    public override int Count => _server.Site.Count;

    public FakeJiraSite Site => _server.Site;

    public static async Task<JiraTracker> StartAsync(int issues) =>
        new(await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = issues, MaxOrdinaryHistories = 6, LongHistoryShare = 0.04 })));

    public override IReadOnlyDictionary<string, string> ConnectionSettings(Uri baseUrl) => new Dictionary<string, string>
    {
        ["Kind"] = "jira",
        ["BaseUrl"] = baseUrl.AbsoluteUri,
        ["Settings:deployment"] = "cloud",
        ["Settings:email"] = "fault-suite@example.com",
        ["Settings:projects:0"] = FakeJiraSite.ProjectKey,
        ["Secrets:token"] = "fake-token",
    };

    public override string Classify(string method, string path) => path switch
    {
        _ when path.EndsWith("/search/jql", StringComparison.Ordinal) => "search",
        _ when path.EndsWith("/changelog", StringComparison.Ordinal) => "changelog",
        _ when path.EndsWith("/comment", StringComparison.Ordinal) => "comment",
        _ => "discovery",
    };

    /// <summary>A creation per issue, one activity per change item of every history, one per comment.</summary>
    public override IReadOnlySet<string> ExpectedActivityKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Site.Count; i++)
        {
            var issue = Site.Issue(i);
            keys.Add("cr" + issue.Id);
            foreach (var history in issue.Histories)
            {
                keys.UnionWith(history.Items.Select((_, index) => $"h{history.Id}-{index}"));
            }

            keys.UnionWith(issue.Comments.Select(c => "c" + c.Id));
        }

        return keys;
    }

    public override ValueTask DisposeAsync() => _server.DisposeAsync();

    protected override void TouchSite(int index, DateTimeOffset at) => Site.Touch(index, at);
}
