using BacklogInsight.Domain.Classification;
using BenchmarkDotNet.Attributes;

namespace BacklogInsight.Benchmarks.Classification;

/// <summary>
/// Classifies a realistic mix: the 200 labelled dev-set records (every action kind, both trackers, HTML comments)
/// replicated in a fixed shuffled order, so branch prediction cannot learn the sequence.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private const int Batch = 4096;

    private ActivityClassifier _classifier = null!;
    private ActivityContext[] _contexts = [];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(ClassifierBenchmarks).Assembly.GetManifestResourceStream("activity-dev.jsonl")
            ?? throw new InvalidOperationException("The dev set is not embedded.");
        using var reader = new StreamReader(stream);
        var records = new List<ActivityContext>();
        while (reader.ReadLine() is { } line)
        {
            records.Add(ActivityRecordParser.Parse(line).Record?.Context ?? throw new InvalidOperationException(line));
        }

        var random = new Random(42);
        _contexts = Enumerable.Range(0, Batch).Select(i => records[i % records.Count]).OrderBy(_ => random.Next()).ToArray();
        _classifier = new ActivityClassifier(serviceAccounts: ["svc-release"]);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Classify one activity (dev-set mix)")]
    public double ClassifyMix()
    {
        var sum = 0.0;
        foreach (var context in _contexts)
        {
            sum += _classifier.Classify(context).Confidence;
        }

        return sum;
    }
}
