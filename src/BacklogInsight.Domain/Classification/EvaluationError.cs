using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>A record the classifier got wrong, with what it said and why.</summary>
public sealed record EvaluationError(string Id, ActivityClass Expected, Model.Classification Actual);
