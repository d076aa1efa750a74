using BacklogInsight.Domain.Classification;

namespace BacklogInsight.Api.CommandLine;

/// <summary>
/// <c>classify --input records.jsonl [--output out.jsonl]</c>: each record with <c>predicted</c>, <c>confidence</c>,
/// <c>rules</c> and <c>reasons</c>, to the output file or standard output.
/// </summary>
public static class ClassifyCommand
{
    public static async Task<int> RunAsync(CommandLineInvocation invocation)
    {
        var input = invocation.Option("input") ?? throw new CommandLineException("classify needs --input FILE.");
        var classifier = ClassifierFromConfiguration.Create(invocation);
        var outputPath = invocation.Option("output");
        await using var output = outputPath is null ? Console.Out : new StreamWriter(outputPath);
        var count = 0;
        await foreach (var record in RecordFile.ReadAsync(input, Console.Error))
        {
            var predicted = classifier.Classify(record.Context);
            await output.WriteLineAsync(ActivityRecordWriter.Write(record.Id, record.ItemKey, record.Context, record.Label, record.Why, predicted));
            count++;
        }

        await Console.Error.WriteLineAsync($"Classified {count} records with taxonomy {classifier.TaxonomyVersion}.");
        return 0;
    }
}
