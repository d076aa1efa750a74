using System.Globalization;
using System.Text;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>Scores a classifier against labelled records: per-class P/R/F1, macro-F1, confusion matrix, worst errors.</summary>
public static class ClassifierEvaluation
{
    /// <summary>The classes in the order used by the confusion matrix.</summary>
    public static IReadOnlyList<ActivityClass> Classes { get; } =
        [ActivityClass.Strategic, ActivityClass.Tactical, ActivityClass.Delivery, ActivityClass.Other];

    public static EvaluationReport Evaluate(ActivityClassifier classifier, IEnumerable<ActivityRecord> records, int worstErrors = 10)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(records);
        var results = records
            .Where(r => r.Label is not null)
            .Select(r => (r.Id, Expected: r.Label!.Value, Actual: classifier.Classify(r.Context)));
        return Evaluate(results, worstErrors);
    }

    public static EvaluationReport Evaluate(IEnumerable<(string Id, ActivityClass Expected, Model.Classification Actual)> results, int worstErrors = 10)
    {
        ArgumentNullException.ThrowIfNull(results);
        var n = Classes.Count;
        var confusion = new int[n][];
        for (var i = 0; i < n; i++)
        {
            confusion[i] = new int[n];
        }

        var errors = new List<EvaluationError>();
        var total = 0;
        foreach (var (id, expected, actual) in results)
        {
            total++;
            confusion[Index(expected)][Index(actual.Class)]++;
            if (expected != actual.Class)
            {
                errors.Add(new EvaluationError(id, expected, actual));
            }
        }

        var perClass = Classes.Select((c, i) => Metrics(c, i, confusion)).ToList();
        var correct = Enumerable.Range(0, n).Sum(i => confusion[i][i]);
        return new EvaluationReport
        {
            Total = total,
            Accuracy = total == 0 ? 0 : (double)correct / total,
            MacroF1 = perClass.Average(m => m.F1),
            PerClass = perClass,
            Confusion = confusion,
            WorstErrors = errors.OrderByDescending(e => e.Actual.Confidence).ThenBy(e => e.Id, StringComparer.Ordinal).Take(worstErrors).ToList(),
        };
    }

    /// <summary>A plain-text rendering for the command line.</summary>
    public static string Format(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"records {report.Total}  accuracy {report.Accuracy:F3}  macro-F1 {report.MacroF1:F3}");
        text.AppendLine("class       support  precision  recall  F1");
        foreach (var m in report.PerClass)
        {
            text.AppendLine(c, $"{Name(m.Class),-10}  {m.Support,7}  {m.Precision,9:F3}  {m.Recall,6:F3}  {m.F1:F3}");
        }

        text.AppendLine("confusion (rows expected, columns actual): " + string.Join(" ", Classes.Select(Name)));
        for (var i = 0; i < Classes.Count; i++)
        {
            text.AppendLine(c, $"{Name(Classes[i]),-10}  {string.Join(" ", report.Confusion[i].Select(v => v.ToString(c).PadLeft(9)))}");
        }

        text.AppendLine("worst errors:");
        foreach (var e in report.WorstErrors)
        {
            text.AppendLine(c, $"  {e.Id}: expected {Name(e.Expected)}, got {Name(e.Actual.Class)} ({e.Actual.Confidence:F2}, {e.Actual.RuleId}) — {string.Join(" | ", e.Actual.Reasons)}");
        }

        return text.ToString();
    }

    private static ClassMetrics Metrics(ActivityClass value, int i, int[][] confusion)
    {
        var truePositives = confusion[i][i];
        var support = confusion[i].Sum();
        var predicted = confusion.Sum(row => row[i]);
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = support == 0 ? 0 : (double)truePositives / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(value, support, precision, recall, f1);
    }

    private static int Index(ActivityClass value) => value switch
    {
        ActivityClass.Strategic => 0,
        ActivityClass.Tactical => 1,
        ActivityClass.Delivery => 2,
        _ => 3,
    };

    private static string Name(ActivityClass value) => value.ToString().ToLowerInvariant();
}
