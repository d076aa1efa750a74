using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.FaultSuite.Faults;
using BacklogInsight.FaultSuite.Trackers;

namespace BacklogInsight.FaultSuite.Running;

/// <summary>
/// Runs a scenario: a fresh site, proxy, data folder and host per seed; syncs until one succeeds (at most
/// <see cref="MaxSyncs"/>), checking after each that nothing stored disappeared and that a failed run said why; then
/// compares the data with a clean run of the same (final) site.
/// </summary>
public sealed class ScenarioRunner(SuiteOptions options)
{
    private const int MaxSyncs = 12;
    private static readonly TimeSpan SyncLimit = TimeSpan.FromMinutes(2);

    /// <summary>How long a started sync process may take to store the pages a kill waits for: generous, as a loaded machine slows start-up.</summary>
    private static readonly TimeSpan ProgressLimit = TimeSpan.FromMinutes(3);

    private readonly Dictionary<TrackerKind, StoredState> _cleanRuns = [];

    public async Task<RepetitionResult> RunAsync(Scenario scenario, int seed) =>
        scenario.Kills > 0 ? await RunKilledAsync(scenario, seed) : await RunInProcessAsync(scenario, seed);

    private async Task<RepetitionResult> RunInProcessAsync(Scenario scenario, int seed)
    {
        await using var tracker = await StartTrackerAsync(scenario.Tracker);
        using var data = new TempDirectory();
        await using var proxy = await FaultProxy.StartAsync(tracker.BaseUrl, tracker.Flavor, tracker.Classify);
        var context = new ScenarioContext(tracker, data.Path, seed, scenario.Row);
        var plan = scenario.Plan(context);
        proxy.Plan = plan;

        var failedRuns = new List<string>();
        var problems = new List<string>();
        var lostBetweenRuns = 0;
        var syncs = 0;
        await using (var host = await SuiteHost.StartAsync(SuiteSettings.For(data.Path, options.Verbose, scenario.ConnectionString?.Invoke(data.Path))))
        {
            var connectionId = await host.CreateConnectionAsync(tracker.Definition(proxy.BaseUrl));
            IReadOnlySet<string> stored = new HashSet<string>();
            var succeeded = false;
            while (!succeeded && syncs < MaxSyncs)
            {
                var outcome = await host.SyncAsync(connectionId, SyncLimit);
                syncs++;
                await context.WhenBackgroundDoneAsync();
                lostBetweenRuns += CheckNothingLost(stored, stored = await StoredState.KeysAsync(data.Path), problems);
                succeeded = outcome.Succeeded;
                if (!succeeded)
                {
                    failedRuns.Add(outcome.Error ?? "(no reason recorded)");
                    CheckFailure(scenario, outcome, problems);
                }
            }

            if (!succeeded)
            {
                problems.Add($"no sync succeeded in {MaxSyncs} runs");
            }

            if (scenario.ChangesSite)
            {
                // The next scheduled sync, with the site quiet again: it must pick up every change the crawl raced with.
                plan.Enabled = false;
                var followUp = await host.SyncAsync(connectionId, SyncLimit);
                syncs++;
                if (!followUp.Succeeded)
                {
                    problems.Add($"the follow-up sync failed: {followUp.Error}");
                }
            }
        }

        return await CompareAsync(scenario, tracker, data.Path, seed, syncs, proxy.Injected + context.Injected, failedRuns, problems, lostBetweenRuns);
    }

    /// <summary>The real executable, killed (SIGKILL) at points of its progress drawn from the seed, then run to the end.</summary>
    private async Task<RepetitionResult> RunKilledAsync(Scenario scenario, int seed)
    {
        await using var tracker = await StartTrackerAsync(scenario.Tracker);
        using var data = new TempDirectory();
        await using var proxy = await FaultProxy.StartAsync(tracker.BaseUrl, tracker.Flavor, tracker.Classify);
        var context = new ScenarioContext(tracker, data.Path, seed, scenario.Row);
        proxy.Plan = scenario.Plan(context);
        var arguments = SyncArguments(tracker, proxy.BaseUrl, data.Path);

        var problems = new List<string>();
        var lostBetweenRuns = 0;
        var syncs = 0;
        IReadOnlySet<string> stored = new HashSet<string>();
        var finished = false;
        var pagesAtLastKill = 0L;
        for (var kill = 1; kill <= scenario.Kills && !finished; kill++)
        {
            // Kills follow observed progress, never the clock, so a fast machine cannot finish the sync before a kill
            // and a slow one cannot be killed before it did anything: the first kill right after the first stored
            // page, each later one after the restarted process stored one or two pages more (drawn from the seed).
            var pagesToWaitFor = kill == 1 ? 1 : 1 + (context.Dice.Chance($"kill#{kill}") < 0.5 ? 0 : 1);
            using var process = ServiceProcess.Start(arguments);
            syncs++;
            if (!await WaitForPagesAsync(data.Path, process, pagesAtLastKill + pagesToWaitFor))
            {
                // The process ended before storing that much: it either finished the crawl or failed.
                finished = process.ExitCode == 0;
                if (!finished)
                {
                    problems.Add($"the sync process failed: {LastLine(process.Output)}");
                }

                break;
            }

            process.Kill();
            context.Inject();
            pagesAtLastKill = await StoredPagesAsync(data.Path);
            lostBetweenRuns += CheckNothingLost(stored, stored = await StoredState.KeysAsync(data.Path), problems);

            // The dead process's lease (Sync:LeaseDuration, 2 s here) must run out before another may take over.
            await Task.Delay(TimeSpan.FromSeconds(2.2));
        }

        if (!finished)
        {
            using var last = await ServiceProcess.RunToEndAsync(arguments);
            syncs++;
            if (last.ExitCode != 0)
            {
                problems.Add($"the resumed sync failed: {LastLine(last.Output)}");
            }
        }

        lostBetweenRuns += CheckNothingLost(stored, await StoredState.KeysAsync(data.Path), problems);
        return await CompareAsync(scenario, tracker, data.Path, seed, syncs, proxy.Injected + context.Injected, [], problems, lostBetweenRuns);
    }

    private async Task<RepetitionResult> CompareAsync(
        Scenario scenario, FakeTracker tracker, string dataDirectory, int seed, int syncs, int faults,
        IReadOnlyList<string> failedRuns, List<string> problems, int lostBetweenRuns)
    {
        var final = await StoredState.ReadAsync(dataDirectory);
        var clean = await CleanRunAsync(scenario.Tracker, tracker.Touches());
        var sameData = final.Fingerprint == clean.Fingerprint;
        if (faults == 0)
        {
            problems.Add("no fault was injected, so the run proved nothing: raise the scenario's chance or the site's size");
        }

        var sameCheckpoint = scenario.ChangesSite || final.Checkpoint == clean.Checkpoint;
        if (sameData && !sameCheckpoint)
        {
            problems.Add("the data equals the clean run's but the checkpoint differs");
        }

        if (!sameData)
        {
            problems.Add("the stored data differs from the clean run's: " + StoredState.Difference(final, clean));
        }

        return new RepetitionResult
        {
            Seed = seed,
            Syncs = syncs,
            Faults = faults,
            EqualToCleanRun = sameData && sameCheckpoint,
            Lost = clean.ActivityKeys.Count(k => !final.ActivityKeys.Contains(k)) + lostBetweenRuns,
            Duplicates = final.Duplicates + final.ActivityKeys.Count(k => !clean.ActivityKeys.Contains(k)),
            FailedRuns = failedRuns,
            Problems = problems,
        };
    }

    /// <summary>
    /// A sync of a fresh site (with <paramref name="touches"/> replayed) through a faithful proxy; checked against the
    /// activities the fake says it holds, where it can say.
    /// </summary>
    private async Task<StoredState> CleanRunAsync(TrackerKind kind, IReadOnlyList<(int Index, DateTimeOffset At)> touches)
    {
        if (touches.Count == 0 && _cleanRuns.TryGetValue(kind, out var cached))
        {
            return cached;
        }

        await using var tracker = await StartTrackerAsync(kind);
        foreach (var (index, at) in touches)
        {
            tracker.Touch(index, at);
        }

        using var data = new TempDirectory();
        await using var proxy = await FaultProxy.StartAsync(tracker.BaseUrl, tracker.Flavor, tracker.Classify);
        await using (var host = await SuiteHost.StartAsync(SuiteSettings.For(data.Path, options.Verbose)))
        {
            var connectionId = await host.CreateConnectionAsync(tracker.Definition(proxy.BaseUrl));
            var outcome = await host.SyncAsync(connectionId, SyncLimit);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"The clean run of the {kind} site failed: {outcome.Error}");
            }
        }

        var state = await StoredState.ReadAsync(data.Path);
        if (tracker.ExpectedActivityKeys() is { } expected && !expected.SetEquals(state.ActivityKeys))
        {
            throw new InvalidOperationException(
                $"The clean run of the {kind} site stored {state.ActivityKeys.Count} activities; the site holds {expected.Count} "
                + $"({expected.Count(k => !state.ActivityKeys.Contains(k))} missing).");
        }

        if (state.Duplicates != 0)
        {
            throw new InvalidOperationException($"The clean run of the {kind} site stored {state.Duplicates} duplicates.");
        }

        if (touches.Count == 0)
        {
            _cleanRuns[kind] = state;
        }

        return state;
    }

    private async Task<FakeTracker> StartTrackerAsync(TrackerKind kind) => kind == TrackerKind.Jira
        ? await JiraTracker.StartAsync(options.JiraIssues)
        : await AzureDevOpsTracker.StartAsync(options.AzureDevOpsItems);

    private static void CheckFailure(Scenario scenario, SyncOutcome outcome, List<string> problems)
    {
        if (outcome.Error?.StartsWith("HANG", StringComparison.Ordinal) == true)
        {
            problems.Add(outcome.Error);
        }
        else if (!SyncOutcome.IsPlainWords(outcome.Error))
        {
            problems.Add($"a failed run did not say why in plain words: \"{outcome.Error}\"");
        }
        else if (!scenario.MayFailRuns)
        {
            problems.Add($"a run failed where retries should have absorbed the fault: \"{outcome.Error}\"");
        }
    }

    /// <summary>Counts (and reports) activities stored before that are gone now.</summary>
    private static int CheckNothingLost(IReadOnlySet<string> before, IReadOnlySet<string> now, List<string> problems)
    {
        var gone = before.Count(k => !now.Contains(k));
        if (gone > 0)
        {
            problems.Add($"{gone} stored activities disappeared between runs");
        }

        return gone;
    }

    private string[] SyncArguments(FakeTracker tracker, Uri baseUrl, string dataDirectory) =>
    [
        "sync", "--connection", FakeTracker.ConnectionName, "--once",
        .. SuiteSettings.For(dataDirectory, options.Verbose).Select(s => $"--{s.Key}={s.Value}"),
        $"--Connections:0:Name={FakeTracker.ConnectionName}",
        .. tracker.ConnectionSettings(baseUrl).Select(s => $"--Connections:0:{s.Key}={s.Value}"),
        "--Sync:LeaseDuration=00:00:02",

        // Small pages, so the crawl has a dozen pages and every kill falls in its middle (the data ends the same).
        "--Sources:Jira:SearchPageSize=5",
        "--Sources:AzureDevOps:BatchSize=5",
    ];

    /// <summary>
    /// Waits until the runs together stored <paramref name="pages"/> pages (true; the process still running) or the
    /// process ended (false). Generous: a loaded machine slows the start-up.
    /// </summary>
    private static async Task<bool> WaitForPagesAsync(string dataDirectory, ServiceProcess process, long pages)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (await StoredPagesAsync(dataDirectory) >= pages)
            {
                return !process.HasExited;
            }

            if (clock.Elapsed > ProgressLimit)
            {
                throw new TimeoutException($"the sync process stored no new page in {ProgressLimit.TotalMinutes:0} minutes (waiting for {pages} pages in all)");
            }

            await Task.Delay(10);
        }

        return false;
    }

    /// <summary>Pages stored by every run so far (a run counts a page in the transaction that stores it).</summary>
    private static async Task<long> StoredPagesAsync(string dataDirectory)
    {
        if (!File.Exists(DatabaseSnapshot.PathIn(dataDirectory)))
        {
            return 0;
        }

        try
        {
            return await DatabaseSnapshot.ScalarAsync(dataDirectory, "SELECT COALESCE(SUM(Pages), 0) FROM SyncRuns");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The schema is still being created, or the writer holds the lock a moment.
            return 0;
        }
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";
}
