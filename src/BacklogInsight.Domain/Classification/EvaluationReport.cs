using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>How a classifier did on a labelled set.</summary>
public sealed record EvaluationReport
{
    public required int Total { get; init; }

    public required double Accuracy { get; init; }

    public required double MacroF1 { get; init; }

    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }

    /// <summary>Counts by [expected][actual], indexed by <see cref="ClassifierEvaluation.Classes"/> order.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; }

    /// <summary>Wrong answers, highest confidence first.</summary>
    public required IReadOnlyList<EvaluationError> WorstErrors { get; init; }

    public ClassMetrics For(ActivityClass value) => PerClass.First(m => m.Class == value);
}
