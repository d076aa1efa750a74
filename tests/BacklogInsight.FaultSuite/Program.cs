using System.Diagnostics;
using System.Globalization;
using BacklogInsight.FaultSuite.Running;
using BacklogInsight.FaultSuite.Scenarios;

// The fault suite (README § Tests, "Fault suite"): syncs against fake Jira and Azure DevOps sites behind a
// fault-injecting proxy, and a real process killed mid-sync; each scenario's data must equal a clean run's.
// Exit code 0 only when every scenario passed.
var options = SuiteOptions.Parse(args);
var scenarios = ScenarioCatalogue.All()
    .Where(s => options.Only is null || s.Row.Contains(options.Only, StringComparison.OrdinalIgnoreCase))
    .ToList();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Fault suite: {scenarios.Count} scenarios, {(options.Quick ? "quick" : "full")}, seed {options.Seed}, {options.Runs} run(s) each; "
    + $"Jira site {options.JiraIssues} issues, Azure DevOps organisation {options.AzureDevOpsItems} work items; {Environment.ProcessorCount} cores"));

var runner = new ScenarioRunner(options);
var results = new List<ScenarioResult>();
var total = Stopwatch.StartNew();
foreach (var scenario in scenarios)
{
    var clock = Stopwatch.StartNew();
    var repetitions = new List<RepetitionResult>();
    for (var run = 0; run < options.RunsOf(scenario); run++)
    {
        var seed = options.Seed + run;
        try
        {
            repetitions.Add(await runner.RunAsync(scenario, seed));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            repetitions.Add(new RepetitionResult
            {
                Seed = seed,
                Syncs = 0,
                Faults = 0,
                EqualToCleanRun = false,
                Lost = 0,
                Duplicates = 0,
                Problems = [$"the scenario itself broke: {exception.GetType().Name}: {exception.Message}"],
            });
        }
    }

    var result = new ScenarioResult(scenario, repetitions, clock.Elapsed);
    results.Add(result);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"  {(result.Passed ? "ok  " : "FAIL")} {scenario.Row}: {repetitions.Sum(r => r.Faults)} faults, {repetitions.Sum(r => r.Syncs)} syncs, {clock.Elapsed.TotalSeconds:0.0} s"));
}

Console.WriteLine();
Console.Write(ResultTable.Render(results));
var reasons = ResultTable.Reasons(results);
if (reasons.Length > 0)
{
    Console.WriteLine("Reasons the failed runs gave:");
    Console.Write(reasons);
}

var passed = results.All(r => r.Passed);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{results.Count(r => r.Passed)} of {results.Count} scenarios passed in {total.Elapsed.TotalSeconds:0} s (seed {options.Seed}; rerun one with --only \"NAME\" --seed N)."));
return passed ? 0 : 1;
