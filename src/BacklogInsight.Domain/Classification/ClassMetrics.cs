using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>Precision, recall and F1 of one class over an evaluation set.</summary>
public sealed record ClassMetrics(ActivityClass Class, int Support, double Precision, double Recall, double F1);
