using BacklogInsight.FaultSuite.Faults;
using BacklogInsight.Workers.Connections;

namespace BacklogInsight.FaultSuite.Trackers;

/// <summary>A fake tracker site served on loopback, as the suite needs it: where it is, how to connect, and how to change it.</summary>
public abstract class FakeTracker : IAsyncDisposable
{
    public const string ConnectionName = "faulted";

    private readonly List<(int Index, DateTimeOffset At)> _touches = [];

    public abstract TrackerKind Kind { get; }

    public abstract Uri BaseUrl { get; }

    /// <summary>Work items of the site.</summary>
    public abstract int Count { get; }

    public TrackerFlavor Flavor => Kind == TrackerKind.Jira ? TrackerFlavor.Jira : TrackerFlavor.AzureDevOps;

    /// <summary>The connection's kind and settings (configuration keys below <c>Connections:N</c>), pointed at <paramref name="baseUrl"/>.</summary>
    public abstract IReadOnlyDictionary<string, string> ConnectionSettings(Uri baseUrl);

    /// <summary>Names a request for fault plans: search, changelog, comment, wiql, batch, updates, comments or discovery.</summary>
    public abstract string Classify(string method, string path);

    /// <summary>The activity source keys the site's data must produce, when the suite can work them out from the fake alone.</summary>
    public abstract IReadOnlySet<string>? ExpectedActivityKeys();

    /// <summary>Someone edits item <paramref name="index"/> at <paramref name="at"/> (a new history or revision and a comment).</summary>
    public void Touch(int index, DateTimeOffset at)
    {
        lock (_touches)
        {
            _touches.Add((index, at));
        }

        TouchSite(index, at);
    }

    /// <summary>Every touch so far, to replay on a fresh site for the clean run to compare with.</summary>
    public IReadOnlyList<(int Index, DateTimeOffset At)> Touches()
    {
        lock (_touches)
        {
            return [.. _touches];
        }
    }

    /// <summary>The same settings as a connection definition.</summary>
    public ConnectionDefinition Definition(Uri baseUrl)
    {
        var settings = ConnectionSettings(baseUrl);
        var json = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith("Settings:", StringComparison.Ordinal)))
        {
            var name = key["Settings:".Length..];
            if (name.Contains(':', StringComparison.Ordinal))
            {
                var list = name.Split(':')[0];
                json[list] ??= new System.Text.Json.Nodes.JsonArray();
                json[list]!.AsArray().Add(value);
            }
            else
            {
                json[name] = value;
            }
        }

        return new ConnectionDefinition
        {
            Name = ConnectionName,
            Kind = settings["Kind"],
            BaseUrl = settings["BaseUrl"],
            SettingsJson = json.ToJsonString(),
            Secrets = new Dictionary<string, string> { ["token"] = settings["Secrets:token"] },
        };
    }

    public abstract ValueTask DisposeAsync();

    protected abstract void TouchSite(int index, DateTimeOffset at);
}
