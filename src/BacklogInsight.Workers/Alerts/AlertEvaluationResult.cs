namespace BacklogInsight.Workers.Alerts;

/// <summary>What one evaluation did.</summary>
public sealed record AlertEvaluationResult(int Teams, int Connections, int Opened, int Resolved, int Reminded, int StillOpen, int InsufficientData);
