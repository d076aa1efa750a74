using System.Globalization;
using System.Text;

namespace BacklogInsight.FaultSuite.Running;

/// <summary>The table the suite prints: one row per scenario, then what went wrong, if anything.</summary>
public static class ResultTable
{
    public static string Render(IReadOnlyList<ScenarioResult> results)
    {
        string[] header = ["scenario", "runs", "syncs", "faults injected", "equal to clean run", "activities lost", "duplicates", "failed runs (said why)", "seconds"];
        var rows = results.Select(r => new[]
        {
            r.Scenario.Row,
            r.Repetitions.Count.ToString(CultureInfo.InvariantCulture),
            r.Repetitions.Sum(x => x.Syncs).ToString(CultureInfo.InvariantCulture),
            r.Repetitions.Sum(x => x.Faults).ToString(CultureInfo.InvariantCulture),
            r.Repetitions.Count > 0 && r.Repetitions.All(x => x.EqualToCleanRun) ? "yes" : "NO",
            r.Repetitions.Sum(x => x.Lost).ToString(CultureInfo.InvariantCulture),
            r.Repetitions.Sum(x => x.Duplicates).ToString(CultureInfo.InvariantCulture),
            r.Repetitions.Sum(x => x.FailedRuns.Count).ToString(CultureInfo.InvariantCulture),
            r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).AppendLine(" |");
        Line(header);
        text.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).AppendLine("|");
        rows.ForEach(Line);

        foreach (var result in results)
        {
            foreach (var repetition in result.Repetitions)
            {
                foreach (var problem in repetition.Problems)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"FAIL {result.Scenario.Row}, seed {repetition.Seed}: {problem}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The distinct reasons failed runs gave, so a reader can judge the wording.</summary>
    public static string Reasons(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        foreach (var result in results.Where(r => r.Repetitions.Any(x => x.FailedRuns.Count > 0)))
        {
            foreach (var reason in result.Repetitions.SelectMany(x => x.FailedRuns).Distinct().Take(3))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {result.Scenario.Row}: {reason}");
            }
        }

        return text.ToString();
    }
}
