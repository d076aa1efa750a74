using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>Everything the classifier may look at for one activity: the item as it is, the action and the actor.</summary>
public sealed record ActivityContext
{
    /// <summary><c>jira</c>, <c>azure-devops</c> or <c>sample</c> (see <see cref="SourceKinds"/>).</summary>
    public required string Source { get; init; }

    public required string ItemType { get; init; }

    /// <summary>-1 sub-task or task, 0 story level, 1 epic or feature, 2+ initiative or portfolio epic.</summary>
    public int HierarchyLevel { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The item's status after the activity.</summary>
    public string? Status { get; init; }

    public required ActivityKind Kind { get; init; }

    public CanonicalField Field { get; init; }

    /// <summary>The field as the source names it; null for comments and creations.</summary>
    public string? SourceField { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>A comment, or the comment entered with a change; may contain HTML (Azure DevOps).</summary>
    public string? Text { get; init; }

    public bool IsAssignee { get; init; }

    public bool IsReporter { get; init; }

    public bool IsBot { get; init; }

    /// <summary>The actor's display name, so known automation accounts can be recognised.</summary>
    public string? ActorName { get; init; }
}
