using BacklogInsight.Domain.Classification;

namespace BacklogInsight.Api.CommandLine;

/// <summary>Reads a JSONL file of activity records; a bad line is reported with its number and skipped.</summary>
public static class RecordFile
{
    public static async IAsyncEnumerable<ActivityRecord> ReadAsync(string path, TextWriter errors)
    {
        if (!File.Exists(path))
        {
            throw new CommandLineException($"No file '{path}'.");
        }

        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = ActivityRecordParser.Parse(line);
            if (parsed.Record is { } record)
            {
                yield return record;
            }
            else
            {
                await errors.WriteLineAsync($"{path}:{number}: skipped: {parsed.Error}");
            }
        }
    }
}
