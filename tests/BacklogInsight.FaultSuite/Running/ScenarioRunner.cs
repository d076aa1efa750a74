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

    /// <summary>How long a started sync may take to store its first page: generous, as a loaded machine slows start-up.</summary>
    private static readonly TimeSpan FirstPageLimit = TimeSpan.FromMinutes(3);

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

    /// <summary>The real executable, killed (SIGKILL) at random points after it stored its first page, then run to the end.</summary>
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
        for (var kill = 1; kill <= scenario.Kills && !finished; kill++)
        {
            using var process = ServiceProcess.Start(arguments);
            syncs++;
            if (!await WaitForFirstPageAsync(data.Path, process))
            {
                finished = true;
                if (process.ExitCode != 0)
                {
                    problems.Add($"the sync process failed before it could be killed: {LastLine(process.Output)}");
                }

                break;
            }

            // The first kill comes right after the first stored page, so a fast machine cannot finish the sync before any kill.
            await Task.Delay(TimeSpan.FromMilliseconds(kill == 1 ? 0 : context.Dice.Chance($"kill#{kill}") * 900));
            if (process.HasExited)
            {
                finished = process.ExitCode == 0;
                if (!finished)
                {
                    problems.Add($"the sync process failed: {LastLine(process.Output)}");
                }

                break;
            }

            process.Kill();
            context.Inject();
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
    ];

    private static async Task<bool> WaitForFirstPageAsync(string dataDirectory, ServiceProcess process)
    {
        using var timeout = new CancellationTokenSource(FirstPageLimit);
        while (!process.HasExited)
        {
            if (File.Exists(DatabaseSnapshot.PathIn(dataDirectory)))
            {
                try
                {
                    if (await DatabaseSnapshot.ScalarAsync(dataDirectory, "SELECT MAX(Pages) FROM SyncRuns WHERE Status = 'Running'") >= 1)
                    {
                        return true;
                    }
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // The schema is still being created.
                }
            }

            await Task.Delay(15, timeout.Token);
        }

        return false;
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";
}
