using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BacklogInsight.FaultSuite.Faults;
using BacklogInsight.FaultSuite.Running;
using BacklogInsight.FaultSuite.Trackers;

namespace BacklogInsight.FaultSuite.Scenarios;

/// <summary>
/// Every scenario of the suite. Probabilities are per request and chosen so a run of the small sites meets a few
/// faults of the kind (the Azure DevOps sync makes several times more requests than the Jira one).
/// </summary>
public static class ScenarioCatalogue
{
    private static readonly TimeSpan StormLength = TimeSpan.FromSeconds(2.5);

    public static IReadOnlyList<Scenario> All()
    {
        var scenarios = new List<Scenario>();
        foreach (var tracker in new[] { TrackerKind.Jira, TrackerKind.AzureDevOps })
        {
            var jira = tracker == TrackerKind.Jira;
            scenarios.Add(new Scenario { Name = "429 storm", Tracker = tracker, Plan = c => Storm(c, jira ? 0.08 : 0.012) });
            scenarios.Add(new Scenario { Name = "503 burst", Tracker = tracker, Plan = c => Burst(c, jira ? 0.1 : 0.015) });
            scenarios.Add(new Scenario { Name = "connection reset", Tracker = tracker, Plan = c => Resets(c, jira ? 0.15 : 0.03) });
            scenarios.Add(new Scenario { Name = "slow answer, past the timeout once", Tracker = tracker, Plan = c => Slow(c, jira ? 0.1 : 0.015) });
            scenarios.Add(new Scenario { Name = "truncated JSON", Tracker = tracker, MayFailRuns = true, Plan = c => BadBody(c, FaultKind.TruncatedJson, jira ? 0.08 : 0.01) });
            scenarios.Add(new Scenario { Name = "malformed JSON", Tracker = tracker, MayFailRuns = true, Plan = c => BadBody(c, FaultKind.MalformedJson, jira ? 0.08 : 0.01) });
            scenarios.Add(new Scenario { Name = "item on two pages", Tracker = tracker, Plan = c => jira ? JiraDuplicates(c) : AzureDevOpsDuplicates(c) });
            if (jira)
            {
                scenarios.Add(new Scenario { Name = "page shifted (items inserted before the cursor)", Tracker = tracker, Plan = JiraShifted });
            }

            scenarios.Add(new Scenario { Name = "items changed during the crawl", Tracker = tracker, ChangesSite = true, Plan = Changing });
            scenarios.Add(new Scenario { Name = "process killed at random points", Tracker = tracker, Kills = 3, Plan = c => new FaultPlan(c.Seed) { Latency = TimeSpan.FromMilliseconds(jira ? 40 : 15) } });
        }

        scenarios.Add(new Scenario { Name = "database busy (lock shorter than the busy timeout)", Tracker = TrackerKind.Jira, Plan = c => Locks(c, TimeSpan.FromSeconds(1.5)) });
        scenarios.Add(new Scenario
        {
            Name = "database locked (lock longer than the busy timeout)",
            Tracker = TrackerKind.Jira,
            MayFailRuns = true,
            ConnectionString = data => $"Data Source={Path.Combine(data, "backlog-insight.db")};Default Timeout=1",
            Plan = c => Locks(c, TimeSpan.FromSeconds(3)),
        });
        return scenarios;
    }

    /// <summary>
    /// Storms start at random requests, and always at the first read of an item's history met outside a storm, so
    /// every run meets at least one; while one lasts every request is answered 429 with <c>Retry-After: 1</c>.
    /// </summary>
    private static FaultPlan Storm(ScenarioContext context, double start)
    {
        var first = FirstHistoryRead();
        var gate = new Lock();
        var until = DateTimeOffset.MinValue;
        return new FaultPlan(context.Seed)
        {
            Decide = request =>
            {
                var now = TimeProvider.System.GetUtcNow();
                lock (gate)
                {
                    if (now < until)
                    {
                        return new Fault(FaultKind.Throttled);
                    }

                    if (first(request) || context.Dice.Chance(request) < start)
                    {
                        until = now + StormLength;
                        return new Fault(FaultKind.Throttled);
                    }
                }

                return Fault.None;
            },
        };
    }

    /// <summary>Bursts of four 503s in a row (half with <c>Retry-After</c>); one request meets at most three.</summary>
    private static FaultPlan Burst(ScenarioContext context, double start)
    {
        var gate = new Lock();
        var left = 0;
        return new FaultPlan(context.Seed)
        {
            Decide = request =>
            {
                lock (gate)
                {
                    if (request.Occurrence > 3)
                    {
                        return Fault.None;
                    }

                    if (left > 0)
                    {
                        left--;
                        return new Fault(FaultKind.Unavailable);
                    }

                    if (context.Dice.Chance(request) < start)
                    {
                        left = 3;
                        return new Fault(FaultKind.Unavailable);
                    }
                }

                return Fault.None;
            },
        };
    }

    /// <summary>Resets before or in the middle of the answer; the first read of an item's history always meets one.</summary>
    private static FaultPlan Resets(ScenarioContext context, double chance)
    {
        var first = FirstHistoryRead();
        return new FaultPlan(context.Seed)
        {
            Decide = request => request.Occurrence <= 2 && (first(request) || context.Dice.Chance(request) < chance)
                ? new Fault(context.Dice.Chance(request, 3) < 0.5 ? FaultKind.ResetBeforeAnswer : FaultKind.ResetMidAnswer)
                : Fault.None,
        };
    }

    private static FaultPlan Slow(ScenarioContext context, double chance)
    {
        var first = FirstHistoryRead();
        return new FaultPlan(context.Seed)
        {
            Decide = request => request.Occurrence == 1 && (first(request) || context.Dice.Chance(request) < chance) ? new Fault(FaultKind.Slow) : Fault.None,
        };
    }

    /// <summary>A bad body the first time a request is made; asked again (a later run) it is answered well.</summary>
    private static FaultPlan BadBody(ScenarioContext context, FaultKind kind, double chance)
    {
        var first = FirstHistoryRead();
        return new FaultPlan(context.Seed)
        {
            Decide = request => request.Occurrence == 1 && (first(request) || context.Dice.Chance(request) < chance)
                ? new Fault(kind)
                : Fault.None,
        };
    }

    /// <summary>True for the first request for an item's changelog, comments or updates: so every run meets at least one fault.</summary>
    private static Func<ProxiedRequest, bool> FirstHistoryRead()
    {
        var seen = 0;
        return request => request.Kind is "changelog" or "comment" or "updates" or "comments" && Interlocked.Exchange(ref seen, 1) == 0;
    }

    /// <summary>Each search page after the first also carries the last issue of the page before.</summary>
    private static FaultPlan JiraDuplicates(ScenarioContext context)
    {
        var gate = new Lock();
        JsonNode? previousLast = null;
        return new FaultPlan(context.Seed)
        {
            RewriteAnswerBody = (request, body) =>
            {
                if (request.Kind != "search")
                {
                    return body;
                }

                var page = JsonNode.Parse(body)!;
                var issues = page["issues"]!.AsArray();
                lock (gate)
                {
                    var repeated = previousLast;
                    previousLast = issues.Count > 0 ? issues[^1]!.DeepClone() : previousLast;
                    if (repeated is null || !request.Body.Contains("nextPageToken\":\"", StringComparison.Ordinal))
                    {
                        return body;
                    }

                    issues.Insert(0, repeated);
                }

                context.Inject();
                return page.ToJsonString();
            },
        };
    }

    /// <summary>Some ids come twice in the query result, and a batch answers one item twice.</summary>
    private static FaultPlan AzureDevOpsDuplicates(ScenarioContext context) => new(context.Seed)
    {
        RewriteAnswerBody = (request, body) =>
        {
            if (request.Kind is not ("wiql" or "batch"))
            {
                return body;
            }

            var page = JsonNode.Parse(body)!;
            var list = page[request.Kind == "wiql" ? "workItems" : "value"]!.AsArray();
            var repeated = list.Where((_, i) => context.Dice.Chance($"{request.Identity}#{request.Occurrence}#{i}") < 0.15)
                .Select(node => node?.DeepClone()).Where(node => node is not null).ToList();
            foreach (var node in repeated)
            {
                list.Add(node);
            }

            if (request.Kind == "batch")
            {
                page["count"] = list.Count;
            }

            context.Inject(repeated.Count);
            return page.ToJsonString();
        },
    };

    /// <summary>
    /// From the second search page on, the page starts 1–3 issues earlier than the token says: what offset paging
    /// does when issues are inserted before the cursor while the crawl runs. Those issues arrive twice.
    /// </summary>
    private static FaultPlan JiraShifted(ScenarioContext context) => new(context.Seed)
    {
        RewriteRequestBody = (request, body) =>
        {
            if (request.Kind != "search" || JsonNode.Parse(body) is not JsonObject search
                || search["nextPageToken"]?.GetValue<string>() is not { Length: > 0 } token)
            {
                return body;
            }

            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var offset = int.Parse(text.AsSpan(text.IndexOf(':', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);
            var shift = 1 + (int)(context.Dice.Chance(request) * 3);
            search["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"fake-jira:{Math.Max(0, offset - shift)}")));
            context.Inject();
            return search.ToJsonString();
        },
    };

    /// <summary>After each search page (Jira) or query and batch (Azure DevOps) one or two items are edited "now".</summary>
    private static FaultPlan Changing(ScenarioContext context) => new(context.Seed)
    {
        AfterAnswerAsync = request =>
        {
            if (request.Kind is "search" or "wiql" or "batch")
            {
                var edits = 1 + (int)(context.Dice.Chance(request, 1) * 2);
                for (var e = 0; e < edits; e++)
                {
                    var index = (int)(context.Dice.Chance(request, 10 + e) * context.Tracker.Count);
                    context.Tracker.Touch(index, TimeProvider.System.GetUtcNow());
                    context.Inject();
                }
            }

            return Task.CompletedTask;
        },
    };

    /// <summary>Another connection takes the write lock when the 2nd and 4th search pages are answered, and holds it.</summary>
    private static FaultPlan Locks(ScenarioContext context, TimeSpan hold)
    {
        var pages = 0;
        return new FaultPlan(context.Seed)
        {
            AfterAnswerAsync = async request =>
            {
                if (request.Kind == "search" && Interlocked.Increment(ref pages) is 2 or 4)
                {
                    await context.LockDatabaseAsync(hold);
                }
            },
        };
    }
}
