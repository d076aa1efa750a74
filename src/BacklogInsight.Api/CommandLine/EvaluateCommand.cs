using BacklogInsight.Domain.Classification;

namespace BacklogInsight.Api.CommandLine;

/// <summary>
/// <c>evaluate --input labeled.jsonl</c>: per-class precision, recall and F1, macro-F1, the confusion matrix and the
/// worst errors with their reasons. Records without a label are skipped with a note.
/// </summary>
public static class EvaluateCommand
{
    public static async Task<int> RunAsync(CommandLineInvocation invocation)
    {
        var input = invocation.Option("input") ?? throw new CommandLineException("evaluate needs --input FILE.");
        var classifier = ClassifierFromConfiguration.Create(invocation);
        var labelled = new List<ActivityRecord>();
        await foreach (var record in RecordFile.ReadAsync(input, Console.Error))
        {
            if (record.Label is null)
            {
                await Console.Error.WriteLineAsync($"{input}: record {record.Id} has no label; skipped.");
                continue;
            }

            labelled.Add(record);
        }

        if (labelled.Count == 0)
        {
            await Console.Error.WriteLineAsync($"{input}: no labelled records to evaluate.");
            return 1;
        }

        Console.WriteLine($"Taxonomy {classifier.TaxonomyVersion}, {labelled.Count} labelled records");
        Console.WriteLine(ClassifierEvaluation.Format(ClassifierEvaluation.Evaluate(classifier, labelled)));
        return 0;
    }
}
